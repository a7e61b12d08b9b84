//! One component per file; each receives what it draws through props.

mod chart_view;
mod charts_panel;
mod checks_panel;
mod document_view;
mod figure_charts;
mod input_panel;
mod key_figures;
mod notice_bar;
mod shared_chart;
mod source_view;
mod table_view;

pub use document_view::DocumentView;
pub use input_panel::InputPanel;
pub use notice_bar::NoticeBar;
pub use shared_chart::SharedChart;
pub use source_view::SourceView;
