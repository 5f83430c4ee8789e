//! The frame every page of the site shares: the document head (viewport
//! for phones, the one stylesheet), a skip link to the content, the site
//! navigation as a landmark with the current page marked, the `main`
//! landmark holding the page, and the footer. Pages one folder down
//! (`sop/`) reach the shared files through `../`.

use crate::lang::Lang;
use crate::render::escape::html as h;

/// Which page of the navigation is shown (none for a SOP page).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Nav {
    Index,
    Actors,
    Map,
    Reviewers,
    None,
}

/// A page: its title, how deep it sits, and which navigation entry it is.
pub struct Frame<'a> {
    pub lang: Lang,
    pub title: &'a str,
    /// `""` for pages at the site's root, `"../"` one folder down.
    pub root: &'a str,
    pub nav: Nav,
    /// The page runs the site script (the index's search and sorting).
    pub script: bool,
}

/// The whole page around `body` (the content of `main`).
pub fn page(frame: &Frame<'_>, body: &str) -> String {
    let w = frame.lang.site();
    let root = frame.root;
    let site = w.site_title;
    let title =
        if frame.title == site { site.to_string() } else { format!("{} – {site}", frame.title) };
    let mut s = format!(
        "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <meta name=\"generator\" content=\"sopmap\">\n<title>{}</title>\n\
         <link rel=\"stylesheet\" href=\"{root}assets/site.css\">\n</head>\n<body>\n\
         <a class=\"skip\" href=\"#main\">{}</a>\n<header class=\"site\">\n\
         <p class=\"brand\"><a href=\"{root}index.html\">{}</a></p>\n\
         <nav aria-label=\"{}\">\n<ul>\n",
        frame.lang.code(),
        h(&title),
        h(w.skip_to_content),
        h(site),
        h(w.site_navigation),
    );
    for (nav, href, label) in [
        (Nav::Index, "index.html", w.nav_index),
        (Nav::Actors, "actors.html", w.nav_actors),
        (Nav::Map, "map.html", w.nav_map),
        (Nav::Reviewers, "reviewers.html", w.nav_reviewers),
    ] {
        let current = if nav == frame.nav { " aria-current=\"page\"" } else { "" };
        s.push_str(&format!("<li><a href=\"{root}{href}\"{current}>{}</a></li>\n", h(label)));
    }
    s.push_str("</ul>\n</nav>\n</header>\n<main id=\"main\" tabindex=\"-1\">\n");
    s.push_str(body);
    s.push_str(&format!(
        "</main>\n<footer class=\"site\">\n<p>{}</p>\n</footer>\n",
        h(w.generated_by)
    ));
    if frame.script {
        s.push_str(&format!("<script src=\"{root}assets/site.js\"></script>\n"));
    }
    s.push_str("</body>\n</html>\n");
    s
}
