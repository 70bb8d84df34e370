//! The split points: every view but the month's is fetched when it is
//! first opened (see [`crate::ui::widgets::lazy`] and `scripts/build-app.sh`).
//! Each `#[wasm_split(chunk)]` function below is the only place its view's
//! component is named, so the view's code, and whatever only it uses (the
//! charts, the OPR working, the scenario comparison), leaves the first load.

use crate::ui::compare_view::{CompareView, CompareViewProps};
use crate::ui::credits_view::{CreditsView, CreditsViewProps};
use crate::ui::import_preview::{ImportPreview, PreviewProps};
use crate::ui::levels::levels_view::{LevelsView, LevelsViewProps};
use crate::ui::levels::share_panel::{SharePanel, SharePanelProps};
use crate::ui::opr_view::{OprView, OprViewProps};
use crate::ui::reports::reports_view::{ReportsView, ReportsViewProps};
use crate::ui::sheet_picker::{SheetPicker, SheetPickerProps};
use crate::ui::trends_view::{TrendsView, TrendsViewProps};
use crate::ui::widgets::elsewhere::{Elsewhere, ElsewhereProps};
use crate::ui::widgets::lazy::{Chunk, Render};
#[cfg(feature = "split")]
use wasm_split_helpers::wasm_split;
use wasm_split_helpers::SplitLoaderError;
use yew::prelude::*;

/// A split point for one view: its chunk's name, the static the shell
/// draws it through, what its messages call the view, its properties and
/// component. A view that shares a chunk names its own split function too
/// (`chunk => function`), and how it is styled ([`Chunk::new`] with the
/// views' styles, [`Chunk::plain`] without).
macro_rules! split_view {
    ($chunk:ident, $static:ident, $name:literal, $props:ty, $comp:ident) => {
        split_view!($chunk => $chunk, new, $static, $name, $props, $comp);
    };
    ($chunk:ident => $fn:ident, $styles:ident, $static:ident, $name:literal, $props:ty, $comp:ident) => {
        #[cfg(feature = "split")]
        #[wasm_split($chunk, fallible)]
        fn $fn() -> Result<Render<$props>, SplitLoaderError> {
            Ok(|p| html! { <$comp ..p.clone() /> })
        }
        // Unsplit, the view is there at once (see `split` in Cargo.toml).
        #[cfg(not(feature = "split"))]
        async fn $fn() -> Result<Render<$props>, SplitLoaderError> {
            Ok(|p| html! { <$comp ..p.clone() /> })
        }
        pub static $static: Chunk<$props> = Chunk::$styles($name, || Box::pin($fn()));
    };
}

// The import preview and the sheet picker are drawn only for what the
// readers gave, so they share the readers' chunk ([`crate::ui::io_part`]).
split_view!(io => import_preview, plain, IMPORT_PREVIEW, "import preview", PreviewProps, ImportPreview);
split_view!(io => sheet_picker, plain, SHEET_PICKER, "sheet picker", SheetPickerProps, SheetPicker);
// Another tab's save is met by reading the saved work again, in that chunk.
split_view!(io => elsewhere, plain, ELSEWHERE, "another tab's notice", ElsewhereProps, Elsewhere);
// The share link is made in that chunk, so its panel is drawn from it too.
split_view!(io => share_panel, plain, SHARE_PANEL, "share link", SharePanelProps, SharePanel);

split_view!(
    levels,
    LEVELS,
    "service levels",
    LevelsViewProps,
    LevelsView
);
split_view!(
    credits,
    CREDITS,
    "service credits",
    CreditsViewProps,
    CreditsView
);
split_view!(trends, TRENDS, "CPM trends", TrendsViewProps, TrendsView);
split_view!(opr, OPR, "OPR margin", OprViewProps, OprView);
split_view!(
    compare,
    COMPARE,
    "scenario comparison",
    CompareViewProps,
    CompareView
);
split_view!(
    reports,
    REPORTS,
    "other reports",
    ReportsViewProps,
    ReportsView
);
