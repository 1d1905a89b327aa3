//! Compression as browsers ask for it: pages in zstd or gzip, static assets gzipped in
//! advance, and the first page within its byte budget.

use deltag::db::Backend;
use deltag::survey::domain::WorkshopStatus;

use crate::helpers::spawn_app;
use crate::on_both_backends;
use crate::survey_helpers::seed_workshop;

async fn static_assets_are_gzipped_in_advance(backend: Backend) {
    use std::io::Read;
    let app = spawn_app(backend).await;
    let page = app.get_html("/").await;
    let doc = crate::helpers::html(&page);
    let href = doc
        .select(&scraper::Selector::parse("link[rel=stylesheet]").expect("sel"))
        .next()
        .and_then(|l| l.value().attr("href"))
        .expect("stylesheet")
        .to_owned();
    let plain =
        app.client.get(app.url(&href)).send().await.expect("get").bytes().await.expect("body");
    assert!(plain.starts_with(b"/* deltag"), "without Accept-Encoding: plain CSS");
    let res =
        app.client.get(app.url(&href)).header("accept-encoding", "gzip").send().await.expect("get");
    assert_eq!(res.headers().get("content-encoding").map(|v| v.as_bytes()), Some(&b"gzip"[..]));
    let gz = res.bytes().await.expect("body");
    let mut unzipped = Vec::new();
    flate2::read::GzDecoder::new(&gz[..]).read_to_end(&mut unzipped).expect("valid gzip");
    assert_eq!(unzipped, plain.to_vec(), "the same stylesheet");
    assert!(gz.len() * 3 < plain.len(), "compressed well: {} of {} bytes", gz.len(), plain.len());
    let refused = app
        .client
        .get(app.url(&href))
        .header("accept-encoding", "gzip;q=0")
        .send()
        .await
        .expect("get");
    assert_eq!(refused.headers().get("content-encoding"), None, "gzip;q=0 is honoured");
}

async fn pages_come_in_the_coding_the_browser_offers(backend: Backend) {
    use std::io::Read;
    let app = spawn_app(backend).await;
    let s = seed_workshop(&app, WorkshopStatus::Open);
    let path = format!("/j/{}", s.code);
    let get = |coding: &'static str| {
        let req = app.client.get(app.url(&path)).header("accept-encoding", coding);
        async move {
            let res = req.send().await.expect("get");
            assert_eq!(res.status(), 200, "{coding}");
            let used =
                res.headers().get("content-encoding").map(|v| v.to_str().unwrap_or("?").to_owned());
            (used, res.bytes().await.expect("body").to_vec())
        }
    };
    let (used, plain) = get("identity").await;
    assert_eq!(used, None);
    let plain = String::from_utf8(plain).expect("utf-8");
    assert!(plain.contains("<form"), "the start page");
    // What current browsers send: zstd, decoded to a page like the plain one.
    let (used, packed) = get("gzip, deflate, br, zstd").await;
    assert_eq!(used.as_deref(), Some("zstd"));
    let unpacked = String::from_utf8(zstd::stream::decode_all(&packed[..]).expect("valid zstd"))
        .expect("utf-8");
    assert!(packed.len() < unpacked.len(), "{} of {} bytes", packed.len(), unpacked.len());
    assert!(unpacked.contains("<form") && unpacked.ends_with("</html>"), "the whole page");
    // Older browsers: gzip; a refused zstd is honoured.
    for offered in ["gzip, deflate, br", "zstd;q=0, gzip"] {
        let (used, packed) = get(offered).await;
        assert_eq!(used.as_deref(), Some("gzip"), "{offered}");
        let mut unpacked = String::new();
        flate2::read::GzDecoder::new(&packed[..]).read_to_string(&mut unpacked).expect("gzip");
        assert!(unpacked.ends_with("</html>"), "{offered}: the whole page");
    }
}

async fn the_first_page_fits_the_byte_budget(backend: Backend) {
    let app = spawn_app(backend).await;
    let s = seed_workshop(&app, WorkshopStatus::Open);
    let fetch = |path: String| {
        let req = app.client.get(app.url(&path)).header("accept-encoding", "gzip");
        async move {
            let res = req.send().await.expect("get");
            assert_eq!(
                res.headers().get("content-encoding").map(|v| v.as_bytes()),
                Some(&b"gzip"[..]),
                "{path} is compressed"
            );
            res.bytes().await.expect("body").len()
        }
    };
    let page = app.get_html(&format!("/j/{}", s.code)).await;
    let doc = crate::helpers::html(&page);
    let mut total = fetch(format!("/j/{}", s.code)).await;
    let mut loaded = Vec::new();
    for (selector, attr) in [("link[href]", "href"), ("script[src]", "src"), ("img[src]", "src")] {
        for el in doc.select(&scraper::Selector::parse(selector).expect("sel")) {
            loaded.push(el.value().attr(attr).unwrap_or_default().to_owned());
        }
    }
    assert!(!loaded.is_empty(), "the stylesheet counts too");
    for url in &loaded {
        assert!(url.starts_with('/'), "nothing third-party: {url}");
        total += fetch(url.clone()).await;
    }
    assert!(
        total <= 14 * 1024,
        "first page with everything it loads is {total} bytes gzip, budget 14 KB"
    );
    let question = {
        let path = app.join_workshop(&s.code).await;
        fetch(path).await
    };
    assert!(question < total, "later pages are smaller ({question} < {total})");
}

on_both_backends!(
    static_assets_are_gzipped_in_advance,
    pages_come_in_the_coding_the_browser_offers,
    the_first_page_fits_the_byte_budget,
);
