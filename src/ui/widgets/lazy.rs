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

use std::future::Future;
use std::pin::Pin;
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

#[derive(Properties)]
pub struct LazyProps<P: PartialEq + 'static> {
    /// The view's own properties, passed through unchanged.
    pub view: P,
    pub chunk: &'static Chunk<P>,
}

impl<P: PartialEq + 'static> PartialEq for LazyProps<P> {
    fn eq(&self, other: &Self) -> bool {
        self.view == other.view && std::ptr::eq(self.chunk, other.chunk)
    }
}

/// Where a view's chunk stands on this page.
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
pub fn Lazy<P: PartialEq + 'static>(p: &LazyProps<P>) -> Html {
    let chunk = p.chunk;
    let arrival = use_state(|| {
        if chunk.ready().is_some() {
            Arrival::Here
        } else {
            Arrival::Waiting
        }
    });
    {
        let arrival = arrival.clone();
        use_effect_with(*arrival, move |now| {
            if *now == Arrival::Waiting {
                wasm_bindgen_futures::spawn_local(async move {
                    arrival.set(match chunk.load().await {
                        Ok(_) => Arrival::Here,
                        Err(_) => Arrival::Failed,
                    });
                });
            }
        });
    }
    match (chunk.ready(), *arrival) {
        (Some(render), _) => render(&p.view),
        (None, Arrival::Failed) => {
            let again = Callback::from(move |_: MouseEvent| arrival.set(Arrival::Waiting));
            html! {
                <div class="notice" role="alert" data-testid="view-failed">
                    <p>{ format!("The {} view could not be fetched from the server. Your work is safe: check the connection and try again.", chunk.name) }</p>
                    <button type="button" data-testid="view-retry" onclick={again}>{ "Try again" }</button>
                </div>
            }
        }
        (None, _) => html! {
            <p class="loading" role="status" data-testid="view-loading">{ format!("Opening {}…", chunk.name) }</p>
        },
    }
}
