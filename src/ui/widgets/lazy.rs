//! A view whose code is fetched when it is first opened.
//!
//! The first load carries the shell and the month view; each other view's
//! code is split off the app's wasm into a chunk of its own by
//! `wasm-split-cli` (see `scripts/build-app.sh`), at the split points in
//! [`crate::ui::views`]. A chunk shares the app's memory, so a view drawn
//! from it is given the same `Rc<Outcome>` as every other view: nothing is
//! copied or computed again.
//!
//! A split point returns a [`Render`], a plain function that draws the
//! view: the shell calls it through the function table, and so never names
//! the view's component itself (were it to, the linker would keep the
//! component's code in the first load).

use std::any::Any;
use std::future::Future;
use std::pin::Pin;
use std::rc::Rc;
use std::sync::OnceLock;
use wasm_split_helpers::SplitLoaderError;
use yew::prelude::*;

/// Draws a view from its properties, once its chunk has arrived.
pub type Render<P> = fn(&P) -> Html;

/// What a split point's fetch gives: the view's [`Render`], or the reason
/// its chunk did not arrive.
pub type Fetched<P> = Pin<Box<dyn Future<Output = Result<Render<P>, SplitLoaderError>>>>;

/// One view's chunk: fetched once a page, then drawn at once whenever the
/// view is opened again.
pub struct Chunk<P: 'static> {
    /// What the view is called on its tab, for the message while it loads.
    name: &'static str,
    fetch: fn() -> Fetched<P>,
    /// Whether it is drawn with the views' styles (`views.css`).
    styled: bool,
    ready: OnceLock<Render<P>>,
}

impl<P: 'static> Chunk<P> {
    /// A view drawn with the views' styles.
    pub const fn new(name: &'static str, fetch: fn() -> Fetched<P>) -> Self {
        Self {
            name,
            fetch,
            styled: true,
            ready: OnceLock::new(),
        }
    }

    /// A part drawn with the first load's styles alone.
    pub const fn plain(name: &'static str, fetch: fn() -> Fetched<P>) -> Self {
        Self {
            name,
            fetch,
            styled: false,
            ready: OnceLock::new(),
        }
    }

    fn ready(&self) -> Option<Render<P>> {
        self.ready.get().copied()
    }

    /// Fetches the chunk (at most once at a time; a failure is not kept, so
    /// trying again fetches it again).
    async fn load(&'static self) -> Result<Render<P>, SplitLoaderError> {
        if let Some(r) = self.ready() {
            return Ok(r);
        }
        // The views' styles are fetched alongside the code.
        let styles = self.styled.then(super::view_styles::arrived);
        let r = (self.fetch)().await?;
        if let Some(styles) = styles {
            styles.await;
        }
        Ok(*self.ready.get_or_init(|| r))
    }
}

/// A view and the chunk that draws it, whatever its properties: one
/// [`Lazy`] component serves every view, rather than one per properties
/// type (each a copy of Yew's component machinery in the first load).
trait Draw {
    /// The view, once its chunk has arrived.
    fn draw(&self) -> Option<Html>;
    fn arrived(&self) -> bool;
    fn fetch(&self) -> Pin<Box<dyn Future<Output = bool>>>;
    fn name(&self) -> &'static str;
    /// Which chunk it is (its address).
    fn chunk(&self) -> usize;
    fn same(&self, other: &dyn Draw) -> bool;
    fn as_any(&self) -> &dyn Any;
}

struct Bound<P: 'static> {
    chunk: &'static Chunk<P>,
    view: P,
}

impl<P: PartialEq + 'static> Draw for Bound<P> {
    fn draw(&self) -> Option<Html> {
        self.chunk.ready().map(|render| render(&self.view))
    }
    fn arrived(&self) -> bool {
        self.chunk.ready().is_some()
    }
    fn fetch(&self) -> Pin<Box<dyn Future<Output = bool>>> {
        let chunk = self.chunk;
        Box::pin(async move { chunk.load().await.is_ok() })
    }
    fn name(&self) -> &'static str {
        self.chunk.name
    }
    fn chunk(&self) -> usize {
        std::ptr::from_ref(self.chunk) as usize
    }
    fn same(&self, other: &dyn Draw) -> bool {
        other
            .as_any()
            .downcast_ref::<Self>()
            .is_some_and(|o| std::ptr::eq(o.chunk, self.chunk) && o.view == self.view)
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
}

/// Draws `view` from `chunk`, fetching the chunk first if it has not
/// arrived.
pub fn lazy<P: PartialEq + 'static>(chunk: &'static Chunk<P>, view: P) -> Html {
    let view: Rc<dyn Draw> = Rc::new(Bound { chunk, view });
    html! { <Lazy {view} /> }
}

#[derive(Properties)]
struct LazyProps {
    view: Rc<dyn Draw>,
}

impl PartialEq for LazyProps {
    fn eq(&self, other: &Self) -> bool {
        self.view.same(&*other.view)
    }
}

/// Where a chunk's fetch stands on this page.
#[derive(Clone, Copy, PartialEq)]
enum Arrival {
    Waiting,
    Failed,
    /// Drawn from the chunk from now on (the state is only a trigger to
    /// draw again: the function itself is kept in the chunk's `OnceLock`).
    Here,
}

/// Draws the view if its chunk is here, else says it is on its way and
/// fetches it.
#[component]
fn Lazy(p: &LazyProps) -> Html {
    let view = p.view.clone();
    // Which chunk the arrival is of: the same component may be given
    // another view's chunk (switching views), which starts waiting.
    let at = view.chunk();
    let fetched = use_state(|| {
        let arrival = if view.arrived() {
            Arrival::Here
        } else {
            Arrival::Waiting
        };
        (at, arrival)
    });
    let arrival = if fetched.0 == at {
        fetched.1
    } else {
        Arrival::Waiting
    };
    {
        let (fetched, view) = (fetched.clone(), view.clone());
        use_effect_with((at, arrival), move |&(at, now)| {
            if now != Arrival::Waiting {
                return;
            }
            if view.arrived() {
                // Follows the chunk on show (after a switch of views), so
                // one that failed before is fetched again when its view is
                // next opened.
                fetched.set((at, Arrival::Here));
            } else {
                let fetch = view.fetch();
                wasm_bindgen_futures::spawn_local(async move {
                    let ok = fetch.await;
                    fetched.set((at, if ok { Arrival::Here } else { Arrival::Failed }));
                });
            }
        });
    }
    match (view.draw(), arrival) {
        (Some(view), _) => view,
        (None, Arrival::Failed) => {
            let again = Callback::from(move |_: MouseEvent| fetched.set((at, Arrival::Waiting)));
            html! {
                <div class="notice" role="alert" data-testid="view-failed">
                    <p>{ format!("The {} view could not be fetched from the server. Your work is safe: check the connection and try again.", view.name()) }</p>
                    <button type="button" data-testid="view-retry" onclick={again}>{ "Try again" }</button>
                </div>
            }
        }
        (None, _) => html! {
            <p class="loading" role="status" data-testid="view-loading">{ format!("Opening {}…", view.name()) }</p>
        },
    }
}
