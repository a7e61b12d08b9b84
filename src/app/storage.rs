//! Remembers the paste box across reloads in the browser's local storage (never sent anywhere).

const INPUT_KEY: &str = "assay.input";
const SOURCE_KEY: &str = "assay.source";

fn local_storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok()?
}

/// The remembered text and where it came from, if any.
pub fn load() -> Option<(String, String)> {
    let storage = local_storage()?;
    let input = storage.get_item(INPUT_KEY).ok()??;
    let source = storage.get_item(SOURCE_KEY).ok()?.unwrap_or_default();
    Some((input, source))
}

/// Saves the box; an empty box forgets it. Storage can refuse (quota, private mode): the page
/// then works on without remembering, which is the best it can do.
pub fn save(input: &str, source: &str) {
    let Some(storage) = local_storage() else {
        return;
    };
    if input.is_empty() {
        let _ = storage.remove_item(INPUT_KEY);
        let _ = storage.remove_item(SOURCE_KEY);
    } else if storage.set_item(INPUT_KEY, input).is_err() {
        let _ = storage.remove_item(INPUT_KEY);
    } else {
        let _ = storage.set_item(SOURCE_KEY, source);
    }
}
