//! Performance marks for the in-browser benchmark (`make bench-browser`): from the moment the
//! user asks for a read to the moment every table and chart of the result is in the page.

const START: &str = "assay-read";
pub const MEASURE: &str = "assay-read-to-drawn";

fn performance() -> Option<web_sys::Performance> {
    web_sys::window()?.performance()
}

/// The user asked for a read (paste, file, sample).
pub fn mark_read() {
    if let Some(p) = performance() {
        p.clear_marks_with_mark_name(START);
        let _ = p.mark(START);
    }
}

/// The page shows the result: Yew runs effects after it has updated the DOM.
pub fn mark_drawn() {
    if let Some(p) = performance() {
        if p.get_entries_by_name_with_entry_type(START, "mark")
            .length()
            == 0
        {
            return;
        }
        let _ = p.measure_with_start_mark(MEASURE, START);
        p.clear_marks_with_mark_name(START);
    }
}
