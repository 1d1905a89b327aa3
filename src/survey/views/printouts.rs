//! Printouts: the A4 poster and a sheet of table cards, each with the join QR code.

use maud::{html, Markup};

use crate::i18n::Lang;
use crate::survey::store::{grouped_code, Workshop};
use crate::web::layout;

/// Three pictogram steps for the poster: scan, tap the link, answer.
fn pictogram(step: u8) -> Markup {
    html! {
        svg class="pictogram" viewBox="0 0 48 48" width="48" height="48" aria-hidden="true" focusable="false" {
            rect x="12" y="3" width="24" height="42" rx="4" fill="none" stroke="#1b1b1b" stroke-width="3" {}
            @match step {
                1 => { rect x="17" y="12" width="14" height="14" fill="none" stroke="#1b1b1b" stroke-width="2.5" {} rect x="21" y="16" width="6" height="6" fill="#1b1b1b" {} }
                2 => { path d="M17 24 h14" stroke="#0a4a8a" stroke-width="3" {} path d="M24 30 l4 8 2-3 4 4" fill="none" stroke="#1b1b1b" stroke-width="2.5" {} }
                _ => { path d="M17 14 h14 M17 21 h14 M17 28 h8" stroke="#1b1b1b" stroke-width="2.5" {} path d="M26 34 l3 3 6-7" fill="none" stroke="#0b6b3a" stroke-width="3" {} }
            }
        }
    }
}

/// The A4 poster: big QR code, the short address, the code, the title and three steps.
/// `qr_src` is the QR code as a `data:` URI: it prints with the page, also for a draft whose
/// code is not yet public.
pub fn poster_page(
    lang: Lang, workshop: &Workshop, join_url: &str, base_url: &str, qr_src: &str,
) -> Markup {
    let code = &workshop.join_code;
    let body = html! {
        div class="poster" {
            h1 { (workshop.title) }
            p class="poster-lead" { (lang.t("poster-lead")) }
            img class="poster-qr" src=(qr_src) alt=(lang.t_args("qr-alt", &[("url", join_url.into())]));
            ol class="steps" {
                li { (pictogram(1)) span { (lang.t("poster-step-1")) } }
                li { (pictogram(2)) span { (lang.t("poster-step-2")) } }
                li { (pictogram(3)) span { (lang.t("poster-step-3")) } }
            }
            p class="poster-fallback" { (lang.t("poster-no-camera")) " " strong { (base_url.trim_start_matches("https://").trim_start_matches("http://")) } }
            p class="poster-code" { (lang.t("join-code")) " " strong { (grouped_code(code)) } }
        }
    };
    layout::page(
        lang,
        &lang.t_args("poster-title", &[("workshop", workshop.title.as_str().into())]),
        None,
        body,
    )
}

/// A sheet of 8 table cards (2 × 4 on A4), each with a small QR code and the code.
pub fn cards_page(
    lang: Lang, workshop: &Workshop, join_url: &str, base_url: &str, qr_src: &str,
) -> Markup {
    let code = &workshop.join_code;
    let body = html! {
        h1 class="visually-hidden" { (lang.t_args("cards-title", &[("workshop", workshop.title.as_str().into())])) }
        ul class="cards-sheet" {
            @for _ in 0..8 {
                li class="table-card" {
                    img src=(qr_src) alt=(lang.t_args("qr-alt", &[("url", join_url.into())]));
                    div {
                        p class="card-title" { (workshop.title) }
                        p { (lang.t("poster-no-camera")) " " strong { (base_url.trim_start_matches("https://").trim_start_matches("http://")) } }
                        p { (lang.t("join-code")) " " strong { (grouped_code(code)) } }
                    }
                }
            }
        }
    };
    layout::page(
        lang,
        &lang.t_args("cards-title", &[("workshop", workshop.title.as_str().into())]),
        None,
        body,
    )
}
