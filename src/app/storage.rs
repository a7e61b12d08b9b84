//! Remembers what a reload needs in the browser's local storage (never sent anywhere): the
//! paste box and its label, and, when the box alone does not say, the text the document was
//! read from and the file it came from ([`Saved`]).

use std::cell::RefCell;
use std::rc::Rc;

use crate::session::{Origin, Saved, PASTED_SOURCE};

const INPUT_KEY: &str = "assay.input";
const SOURCE_KEY: &str = "assay.source";
const RELEASE_KEY: &str = "assay.release";
/// An [`Origin::line`]. A PDF itself is not kept: its laid-out text is the box, and the
/// line holds its pages, so a reload reads the same document.
const ORIGIN_KEY: &str = "assay.origin";

/// The read text and the file it came from, as last written whole.
type Written = (Option<Rc<String>>, Option<Origin>);

thread_local! {
    /// The read text and the file last written whole, so that a keystroke in the box, which
    /// changes neither, writes the box alone and not the read text (tens of KB) again. The
    /// text is the session's own, shared: comparing it with the session's is a pointer check.
    static WRITTEN: RefCell<Option<Written>> = const { RefCell::new(None) };
}

pub(crate) fn local_storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok()?
}

/// What was remembered, if anything.
pub fn load() -> Option<Saved> {
    let storage = local_storage()?;
    let get = |key| storage.get_item(key).ok().flatten();
    let origin = get(ORIGIN_KEY).and_then(|line| Origin::from_line(&line));
    Some(Saved {
        input: get(INPUT_KEY)?.into(),
        source: get(SOURCE_KEY).unwrap_or_default(),
        release: get(RELEASE_KEY).map(Into::into),
        origin,
    })
}

/// Saves what a reload needs; an empty box with no document forgets it all. Storage can refuse
/// (quota, private mode): the page then remembers what fits, the box first, which is the best
/// it can do.
pub fn save(saved: &Saved) {
    let Some(storage) = local_storage() else {
        return;
    };
    let nothing = saved.input.is_empty() && saved.release.is_none();
    let same_release = WRITTEN.with_borrow(|written| {
        written
            .as_ref()
            .is_some_and(|(release, origin)| *release == saved.release && *origin == saved.origin)
    });
    if !nothing && same_release && storage.set_item(INPUT_KEY, &saved.input).is_ok() {
        let _ = storage.set_item(SOURCE_KEY, &saved.source);
        return;
    }
    WRITTEN.set(None);
    let forget = |keys: &[&str]| {
        for key in keys {
            let _ = storage.remove_item(key);
        }
    };
    // The old release goes first, so its room is free for the new box.
    forget(&[RELEASE_KEY, ORIGIN_KEY]);
    if nothing || storage.set_item(INPUT_KEY, &saved.input).is_err() {
        forget(&[INPUT_KEY, SOURCE_KEY]);
        return;
    }
    let kept = saved
        .release
        .as_ref()
        .is_none_or(|release| storage.set_item(RELEASE_KEY, release).is_ok());
    if !kept {
        // Too large to keep twice: the box alone comes back, read as what it is.
        forget(&[RELEASE_KEY]);
        let _ = storage.set_item(SOURCE_KEY, PASTED_SOURCE);
        return;
    }
    let _ = storage.set_item(SOURCE_KEY, &saved.source);
    if let Some(origin) = &saved.origin {
        let _ = storage.set_item(ORIGIN_KEY, &origin.line());
    }
    WRITTEN.set(Some((saved.release.clone(), saved.origin.clone())));
}
