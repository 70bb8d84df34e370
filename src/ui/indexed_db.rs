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
/// A save's text is written to an item of its own, named for when it was
/// written ("work@<ms>-<random>"), and local storage's [`pointer`] names
/// it: two tabs saving at once never write the same item, so the one a
/// pointer names is never written over.
const PREFIX: &str = "work@";
/// The one item saves were written to before they had their own (a
/// pointer naming none names it).
const OLD_ITEM: &str = "work";
/// Where saved work found there that could not be read is kept.
pub const UNREADABLE_ITEM: &str = "work-unreadable";
/// How long another tab's item that no pointer names is left alone: that
/// tab may be between writing it and pointing to it (seconds, at most).
const IN_FLIGHT_MS: f64 = 10.0 * 60.0 * 1000.0;
/// What local storage's item says while the work is in IndexedDB: a schema
/// no scenario file has (an older app moves it aside as unreadable rather
/// than read it as work). Version 2 names its item; version 1 named none
/// (the old item), and is still read.
const POINTER_SCHEMA: &str = "dcc-perf/in-indexeddb/2";
const POINTER_SCHEMAS: &str = "dcc-perf/in-indexeddb/";

thread_local! {
    /// The items this page wrote, in the order it began them: only it ever
    /// points to them, so it deletes those begun before the one it points
    /// to (never a later one, which may be on its way).
    static OWN: std::cell::RefCell<Vec<String>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// Local storage's item while the work is in IndexedDB: which `item`
/// holds it, stamped with when it was written (`now_ms`), so each save
/// changes it and other tabs hear of it (the `storage` event fires only on
/// a change).
pub fn pointer(now_ms: f64, item: &str) -> String {
    format!("{{\"schema\":\"{POINTER_SCHEMA}\",\"saved\":{now_ms},\"item\":\"{item}\"}}")
}

/// Whether local storage's item points to IndexedDB.
pub fn is_pointer(text: &str) -> bool {
    text.len() < 200 && text.contains(POINTER_SCHEMAS)
}

/// The item a pointer names.
fn pointed(pointer: &str) -> &str {
    pointer
        .split_once("\"item\":\"")
        .and_then(|(_, rest)| rest.split_once('"'))
        .map_or(OLD_ITEM, |(item, _)| item)
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

fn refused(e: rexie::Error) -> String {
    format!("IndexedDB refused it: {e}")
}

/// Waits for a transaction that writes to commit.
async fn committed(tx: rexie::Transaction) -> Result<(), String> {
    match tx.done().await.map_err(refused)? {
        TransactionResult::Committed => Ok(()),
        TransactionResult::Aborted => Err("IndexedDB did not finish writing it".into()),
    }
}

/// Writes the saved work's text, whole, to a new item: done when the
/// transaction has committed; the item, to point to.
pub async fn put(text: &str) -> Result<String, String> {
    let now_ms = js_sys::Date::now();
    // Random, as two tabs may save in the same millisecond.
    let random = (js_sys::Math::random() * f64::from(u32::MAX)) as u32;
    let item = format!("{PREFIX}{now_ms:.0}-{random:08x}");
    OWN.with(|o| o.borrow_mut().push(item.clone()));
    put_item(&item, text).await?;
    Ok(item)
}

/// Keeps saved work found there that could not be read, beside it.
pub async fn set_aside(text: &str) -> Result<(), String> {
    put_item(UNREADABLE_ITEM, text).await
}

async fn put_item(item: &str, text: &str) -> Result<(), String> {
    let (tx, store) = store(TransactionMode::ReadWrite, refused).await?;
    store
        .put(&JsValue::from_str(text), Some(&JsValue::from_str(item)))
        .await
        .map_err(refused)?;
    committed(tx).await
}

/// Deletes the saves' items no pointer needs, once local storage points
/// to `kept` (at `now_ms`): this page's begun before it, and other tabs'
/// written more than [`IN_FLIGHT_MS`] ago (or before items had their own
/// names); never `kept`, nor what local storage's item names as the
/// deleting starts, nor the work kept aside as unreadable.
pub async fn prune(kept: &str, now_ms: f64) -> Result<(), String> {
    // This page's items begun before `kept` (taken off the list: should
    // one still on its way land after it is deleted, other tabs' rule
    // deletes it later).
    let own: Vec<String> = OWN.with(|o| {
        let mut o = o.borrow_mut();
        let before = o.iter().position(|i| i == kept).unwrap_or(0);
        o.drain(..before).collect()
    });
    let (tx, store) = store(TransactionMode::ReadWrite, refused).await?;
    let keys = store.get_all_keys(None, None).await.map_err(refused)?;
    let pointing = super::storage::saved_text().filter(|p| is_pointer(p));
    let named = pointing.as_deref().map(pointed);
    for key in keys {
        let Some(k) = key.as_string() else { continue };
        let written = k
            .strip_prefix(PREFIX)
            .and_then(|rest| rest.split_once('-'))
            .and_then(|(ms, _)| ms.parse::<f64>().ok());
        let stale = own.contains(&k)
            || k == OLD_ITEM
            || written.is_some_and(|ms| now_ms - ms > IN_FLIGHT_MS);
        if stale && k != kept && Some(k.as_str()) != named {
            store.delete(key).await.map_err(refused)?;
        }
    }
    committed(tx).await
}

/// The saved work's text a pointer names, if IndexedDB holds it.
pub async fn get(pointer: &str) -> Result<Option<String>, String> {
    let failed = |e: rexie::Error| format!("IndexedDB could not be read: {e}");
    let (_tx, store) = store(TransactionMode::ReadOnly, failed).await?;
    let value = store
        .get(JsValue::from_str(pointed(pointer)))
        .await
        .map_err(failed)?;
    Ok(value.and_then(|v| v.as_string()))
}
