//! The route table. Every module with pages declares its routes once, with [`routes!`]: the
//! same list registers the handlers and is readable at run time, so `deltag routes`, the
//! authorisation test and the browser suite's inventory all see exactly what the server serves.

use std::fmt;

/// An HTTP method a route answers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum Method {
    /// Reads: pages, files, downloads.
    Get,
    /// Changes: every form post.
    Post,
}

impl fmt::Display for Method {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Method::Get => "GET",
            Method::Post => "POST",
        })
    }
}

/// One registered route.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize)]
pub struct Route {
    /// Its method.
    pub method: Method,
    /// Its path pattern, e.g. `/staff/workshops/{id}`.
    pub path: &'static str,
}

/// Declares a module's routes: `pub const ROUTES` (the table) and `pub fn routes` (registers
/// them with actix, in the order written: a literal segment before a `{param}` one).
///
/// ```ignore
/// deltag::routes! {
///     get "/staff" => get_dashboard;
///     post "/staff/tracks" => post_new_track;
/// }
/// ```
#[macro_export]
macro_rules! routes {
    ($($method:ident $path:literal => $handler:expr;)*) => {
        /// The routes of this module, in registration order.
        pub const ROUTES: &[$crate::web::routing::Route] = &[
            $($crate::web::routing::Route {
                method: $crate::routes!(@method $method),
                path: $path,
            },)*
        ];

        /// Registers the routes of this module.
        pub fn routes(cfg: &mut ::actix_web::web::ServiceConfig) {
            $(cfg.route($path, $crate::routes!(@route $method).to($handler));)*
        }
    };
    // A page that answers GET answers HEAD too (monitors, link checkers): the same handler,
    // and actix sends the headers without the body.
    (@route get) => {
        ::actix_web::web::route().guard(
            ::actix_web::guard::Any(::actix_web::guard::Get()).or(::actix_web::guard::Head()),
        )
    };
    (@route post) => { ::actix_web::web::post() };
    (@method get) => { $crate::web::routing::Method::Get };
    (@method post) => { $crate::web::routing::Method::Post };
}
