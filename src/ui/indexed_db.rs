//! The saved work's larger home: IndexedDB, used when local storage is
//! full (Chromium gives a site about 5 MB of it; IndexedDB a share of the
//! disk). The work is written there whole first; only then does local
//! storage's item switch to a [`pointer`] to it (write, then switch), so a
//! write that fails leaves the work saved before as it was. Called from the
//! parts of the app that save and read the work (`ui::storage`'s writer,
//! `ui::io_part`), so none of it is on the first load.

use rexie::{ObjectStore, Rexie, TransactionMode, TransactionResult};
use wasm_bindgen::JsValue;

const DB: &str = "dcc-perf";
const STORE: &str = "saved";
/// The item holding the saved work's text (a scenario file).
const ITEM: &str = "work";
/// Where saved work found there that could not be read is kept.
pub const UNREADABLE_ITEM: &str = "work-unreadable";
/// What local storage's item says while the work is in IndexedDB: a schema
/// no scenario file has (an older app moves it aside as unreadable rather
/// than read it as work).
const POINTER_SCHEMA: &str = "dcc-perf/in-indexeddb/1";

/// Local storage's item while the work is in IndexedDB, stamped with when
/// it was written (`now_ms`), so each save changes it and other tabs hear
/// of it (the `storage` event fires only on a change).
pub fn pointer(now_ms: f64) -> String {
    format!("{{\"schema\":\"{POINTER_SCHEMA}\",\"saved\":{now_ms}}}")
}

/// Whether local storage's item points to IndexedDB.
pub fn is_pointer(text: &str) -> bool {
    text.len() < 200 && text.contains(POINTER_SCHEMA)
}

async fn open() -> Result<Rexie, String> {
    Rexie::builder(DB)
        .version(1)
        .add_object_store(ObjectStore::new(STORE))
        .build()
        .await
        .map_err(|e| format!("IndexedDB could not be opened: {e}"))
}

/// The store in a transaction of `mode`, and the transaction (to wait
/// for); `failed` words an error.
async fn store(
    mode: TransactionMode,
    failed: fn(rexie::Error) -> String,
) -> Result<(rexie::Transaction, rexie::Store), String> {
    let db = open().await?;
    let tx = db.transaction(&[STORE], mode).map_err(failed)?;
    let store = tx.store(STORE).map_err(failed)?;
    Ok((tx, store))
}

/// Writes the saved work's text, whole: done when the transaction has
/// committed.
pub async fn put(text: &str) -> Result<(), String> {
    put_item(ITEM, text).await
}

/// Keeps saved work found there that could not be read, beside it.
pub async fn set_aside(text: &str) -> Result<(), String> {
    put_item(UNREADABLE_ITEM, text).await
}

async fn put_item(item: &str, text: &str) -> Result<(), String> {
    let failed = |e: rexie::Error| format!("IndexedDB refused it: {e}");
    let (tx, store) = store(TransactionMode::ReadWrite, failed).await?;
    store
        .put(&JsValue::from_str(text), Some(&JsValue::from_str(item)))
        .await
        .map_err(failed)?;
    match tx.done().await.map_err(failed)? {
        TransactionResult::Committed => Ok(()),
        TransactionResult::Aborted => Err("IndexedDB did not finish writing it".into()),
    }
}

/// The saved work's text, if IndexedDB holds it.
pub async fn get() -> Result<Option<String>, String> {
    let failed = |e: rexie::Error| format!("IndexedDB could not be read: {e}");
    let (_tx, store) = store(TransactionMode::ReadOnly, failed).await?;
    let value = store.get(JsValue::from_str(ITEM)).await.map_err(failed)?;
    Ok(value.and_then(|v| v.as_string()))
}
