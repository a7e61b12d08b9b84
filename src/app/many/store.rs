//! Keeps the list of loaded releases across reloads in the browser's IndexedDB (local storage
//! holds 5 MB at most; a few dozen EDGAR submissions pass that). Each release is one record,
//! `[name, text]` under its id, written as soon as it is read, so a tab closed in the middle
//! of a batch loses nothing already read. Nothing here leaves the browser.
//!
//! IndexedDB answers through events; [`done`] turns a request into a future.

use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{IdbDatabase, IdbObjectStore, IdbRequest, IdbTransactionMode};

use crate::app::storage::local_storage;

const DB: &str = "assay";
const STORE: &str = "releases";

/// The request's result once it succeeds.
async fn done(request: &IdbRequest) -> Result<JsValue, JsValue> {
    let promise = js_sys::Promise::new(&mut |resolve, reject| {
        request.set_onsuccess(Some(&resolve));
        request.set_onerror(Some(&reject));
    });
    JsFuture::from(promise).await?;
    request.result()
}

async fn open() -> Result<IdbDatabase, JsValue> {
    let factory = web_sys::window()
        .ok_or(JsValue::NULL)?
        .indexed_db()?
        .ok_or(JsValue::NULL)?;
    let request = factory.open_with_u32(DB, 1)?;
    // First visit: the store is made before the open succeeds.
    let upgrade = wasm_bindgen::closure::Closure::once_into_js(
        move |event: web_sys::Event| -> Result<(), JsValue> {
            let request: web_sys::IdbOpenDbRequest =
                event.target().ok_or(JsValue::NULL)?.unchecked_into();
            let db: IdbDatabase = request.result()?.unchecked_into();
            if !db.object_store_names().contains(STORE) {
                db.create_object_store(STORE)?;
            }
            Ok(())
        },
    );
    request.set_onupgradeneeded(Some(upgrade.unchecked_ref()));
    Ok(done(&request).await?.unchecked_into())
}

fn store(db: &IdbDatabase, mode: IdbTransactionMode) -> Result<IdbObjectStore, JsValue> {
    db.transaction_with_str_and_mode(STORE, mode)?
        .object_store(STORE)
}

/// Every stored release: (id, name, text), in id order (the order they were added); none
/// that a Clear forgot, even if the page was reloaded before the store forgot them too.
pub async fn load() -> Vec<(u32, String, String)> {
    let mut stored = load_all().await;
    let below = local_storage().and_then(|s| {
        let below = s.get_item(CLEARED).ok()??.parse::<u32>().ok();
        let _ = s.remove_item(CLEARED);
        below
    });
    if let Some(below) = below {
        let cleared: Vec<Change> = (stored.iter())
            .filter(|(id, ..)| *id < below)
            .map(|(id, ..)| Change::Delete(*id))
            .collect();
        stored.retain(|(id, ..)| *id >= below);
        apply(cleared);
    }
    stored
}

async fn load_all() -> Vec<(u32, String, String)> {
    async fn load() -> Result<Vec<(u32, String, String)>, JsValue> {
        let db = open().await?;
        let keys = done(&store(&db, IdbTransactionMode::Readonly)?.get_all_keys()?).await?;
        let values = done(&store(&db, IdbTransactionMode::Readonly)?.get_all()?).await?;
        let (keys, values): (js_sys::Array, js_sys::Array) =
            (keys.unchecked_into(), values.unchecked_into());
        let mut out = Vec::new();
        for (key, value) in keys.iter().zip(values.iter()) {
            let record: js_sys::Array = value.unchecked_into();
            let (Some(id), Some(name), Some(text)) = (
                key.as_f64(),
                record.get(0).as_string(),
                record.get(1).as_string(),
            ) else {
                continue;
            };
            out.push((id as u32, name, text));
        }
        Ok(out)
    }
    load().await.unwrap_or_default()
}

/// What changed in the list since the last call: releases to write, ids to delete, or
/// everything to forget. The store can refuse (quota, private mode): the page then works on
/// without remembering, which is the best it can do.
pub enum Change {
    Put(u32, String, std::rc::Rc<String>),
    Delete(u32),
    /// Forget every release, each id below this one.
    Clear {
        below: u32,
    },
}

/// Where a Clear is noted at once (local storage writes before the click's task ends), so a
/// reload before the store's transaction commits does not bring the cleared releases back.
const CLEARED: &str = "assay.series.cleared-below";

/// Applies `changes` in order, in one transaction.
pub fn apply(changes: Vec<Change>) {
    if changes.is_empty() {
        return;
    }
    for change in &changes {
        if let (Change::Clear { below }, Some(storage)) = (change, local_storage()) {
            let _ = storage.set_item(CLEARED, &below.to_string());
        }
    }
    wasm_bindgen_futures::spawn_local(async move {
        let _ = async {
            let db = open().await?;
            let store = store(&db, IdbTransactionMode::Readwrite)?;
            for change in changes {
                match change {
                    Change::Put(id, name, text) => {
                        let record = js_sys::Array::of2(
                            &JsValue::from_str(&name),
                            &JsValue::from_str(&text),
                        );
                        store.put_with_key(&record, &JsValue::from(id))?;
                    }
                    Change::Delete(id) => {
                        store.delete(&JsValue::from(id))?;
                    }
                    Change::Clear { .. } => {
                        store.clear()?;
                    }
                }
            }
            Ok::<(), JsValue>(())
        }
        .await;
    });
}
