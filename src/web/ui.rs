//! What every page needs to know about the visitor besides the language: their display
//! choices (larger text, high contrast, questions in easy-read words) and the page's own
//! address (for the language and display switches to come back to).
//!
//! A middleware reads both once per request and keeps them in a task-local, so the page shell
//! ([`super::layout::page`]) can use them without every one of the ~60 handlers passing them
//! through. Outside a request (unit tests, the CLI) the defaults apply.

use actix_web::body::MessageBody;
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::middleware::Next;
use actix_web::HttpRequest;

/// The cookie that remembers the display choices (`"<text>-<contrast>"`, e.g. `large-high`,
/// and `-easy` after it while questions are shown in easy-read words).
pub const DISPLAY_COOKIE: &str = "display";

/// Text size.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum TextSize {
    /// The stylesheet's size.
    #[default]
    Normal,
    /// 125 %.
    Large,
    /// 150 %.
    Largest,
}

impl TextSize {
    /// Every size, in the order the settings page shows them.
    pub const ALL: [TextSize; 3] = [TextSize::Normal, TextSize::Large, TextSize::Largest];

    /// Cookie and form value.
    pub fn as_str(self) -> &'static str {
        match self {
            TextSize::Normal => "normal",
            TextSize::Large => "large",
            TextSize::Largest => "largest",
        }
    }

    /// Parses the form or cookie value.
    pub fn parse(s: &str) -> Option<TextSize> {
        Self::ALL.into_iter().find(|t| t.as_str() == s)
    }
}

/// Colours.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Contrast {
    /// The normal colours (already AA).
    #[default]
    Normal,
    /// Black on white, thicker lines, no tinted panels.
    High,
}

impl Contrast {
    /// Every choice, in the order the settings page shows them.
    pub const ALL: [Contrast; 2] = [Contrast::Normal, Contrast::High];

    /// Cookie and form value.
    pub fn as_str(self) -> &'static str {
        match self {
            Contrast::Normal => "normal",
            Contrast::High => "high",
        }
    }

    /// Parses the form or cookie value.
    pub fn parse(s: &str) -> Option<Contrast> {
        Self::ALL.into_iter().find(|c| c.as_str() == s)
    }
}

/// How questions are worded: as written, or in their easy-read (let læst) version where a
/// question has one. Chosen once, it holds for the rest of the survey and the next one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Wording {
    /// The question as written.
    #[default]
    Usual,
    /// The easy-read version.
    Easy,
}

impl Wording {
    /// Every choice, in the order the settings page shows them.
    pub const ALL: [Wording; 2] = [Wording::Usual, Wording::Easy];

    /// Cookie and form value.
    pub fn as_str(self) -> &'static str {
        match self {
            Wording::Usual => "usual",
            Wording::Easy => "easy",
        }
    }

    /// Parses the form or cookie value.
    pub fn parse(s: &str) -> Option<Wording> {
        Self::ALL.into_iter().find(|w| w.as_str() == s)
    }
}

/// The visitor's display choices.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Display {
    /// Text size.
    pub text: TextSize,
    /// Colours.
    pub contrast: Contrast,
    /// Questions as written or in easy-read words.
    pub wording: Wording,
}

impl Display {
    /// The cookie value. The usual wording adds nothing, so cookies set before easy-read
    /// became a choice read the same.
    pub fn cookie_value(self) -> String {
        let base = format!("{}-{}", self.text.as_str(), self.contrast.as_str());
        match self.wording {
            Wording::Usual => base,
            Wording::Easy => format!("{base}-{}", Wording::Easy.as_str()),
        }
    }

    /// Reads a cookie value; anything unknown means the defaults.
    pub fn from_cookie_value(value: &str) -> Display {
        let mut parts = value.splitn(3, '-');
        let (text, contrast) = (parts.next().unwrap_or(""), parts.next().unwrap_or(""));
        Display {
            text: TextSize::parse(text).unwrap_or_default(),
            contrast: Contrast::parse(contrast).unwrap_or_default(),
            wording: parts.next().and_then(Wording::parse).unwrap_or_default(),
        }
    }

    /// Questions are shown in their easy-read version.
    pub fn easy_read(self) -> bool {
        self.wording == Wording::Easy
    }

    /// The visitor's choices from the request's cookie.
    pub fn from_request(req: &HttpRequest) -> Display {
        req.cookie(DISPLAY_COOKIE)
            .map(|c| Display::from_cookie_value(c.value()))
            .unwrap_or_default()
    }

    /// Classes for `<html>` (empty with the defaults).
    pub fn html_classes(self) -> Option<String> {
        let mut classes = Vec::new();
        match self.text {
            TextSize::Normal => {}
            TextSize::Large => classes.push("text-large"),
            TextSize::Largest => classes.push("text-largest"),
        }
        if self.contrast == Contrast::High {
            classes.push("contrast-high");
        }
        (!classes.is_empty()).then(|| classes.join(" "))
    }
}

/// What the page shell knows about the current request.
#[derive(Debug, Clone, Default)]
pub struct PageContext {
    /// Display choices.
    pub display: Display,
    /// Path and query of the page, to come back to after a switch. On a form shown again after
    /// a POST, the switch returns to the same path with GET, which shows that form afresh.
    pub path: String,
    /// Who runs the site (footer, staff header); empty outside a request.
    pub brand: std::sync::Arc<BrandNames>,
}

/// The names the page shell shows (footer, staff header): the organisation running the track.
/// Kept current by the settings feature; `web` only reads them.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct BrandNames {
    /// The organisation's name (footer).
    pub organisation: String,
    /// The name for the staff header: a short name, else the organisation.
    pub header: String,
    /// How to reach the organisation (participants' privacy text), when set.
    pub email: Option<String>,
    /// Phone, when set.
    pub phone: Option<String>,
}

/// The current [`BrandNames`] of this server, shared by its workers.
#[derive(Debug, Default)]
pub struct Branding {
    names: std::sync::RwLock<std::sync::Arc<BrandNames>>,
}

impl Branding {
    /// The names now.
    pub fn get(&self) -> std::sync::Arc<BrandNames> {
        match self.names.read() {
            Ok(names) => names.clone(),
            // A writer panicked mid-swap of an Arc: the value inside is still whole.
            Err(poisoned) => poisoned.into_inner().clone(),
        }
    }

    /// Replaces the names.
    pub fn set(&self, names: BrandNames) {
        let names = std::sync::Arc::new(names);
        match self.names.write() {
            Ok(mut slot) => *slot = names,
            Err(poisoned) => *poisoned.into_inner() = names,
        }
    }
}

tokio::task_local! {
    static PAGE: PageContext;
}

/// The current request's context (the defaults outside a request).
pub fn current() -> PageContext {
    PAGE.try_with(Clone::clone).unwrap_or_default()
}

/// Middleware: makes [`current`] work for the rest of the request.
pub async fn page_context(
    req: ServiceRequest, next: Next<impl MessageBody>,
) -> Result<ServiceResponse<impl MessageBody>, actix_web::Error> {
    let brand =
        req.app_data::<actix_web::web::Data<Branding>>().map(|b| b.get()).unwrap_or_default();
    let context = PageContext {
        display: Display::from_request(req.request()),
        path: super::local_path(req.request()),
        brand,
    };
    PAGE.scope(context, next.call(req)).await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn display_cookie_round_trips_and_ignores_junk() {
        let display =
            Display { text: TextSize::Largest, contrast: Contrast::High, wording: Wording::Usual };
        assert_eq!(display.cookie_value(), "largest-high");
        assert_eq!(Display::from_cookie_value(&display.cookie_value()), display);
        let easy = Display { wording: Wording::Easy, ..display };
        assert_eq!(easy.cookie_value(), "largest-high-easy");
        assert_eq!(Display::from_cookie_value(&easy.cookie_value()), easy);
        assert!(Display::from_cookie_value("normal-normal-easy").easy_read());
        assert!(!Display::from_cookie_value("normal-normal-loud").easy_read());
        assert_eq!(Display::from_cookie_value("huge-neon"), Display::default());
        assert_eq!(Display::from_cookie_value(""), Display::default());
        assert_eq!(display.html_classes().as_deref(), Some("text-largest contrast-high"));
        assert_eq!(Display::default().html_classes(), None);
    }
}
