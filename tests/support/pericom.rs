//! The twelve Pericom Semiconductor filings (2003–2007) the series are tested on, as paths
//! under `tests/fixtures/`: eleven quarterly releases and the 8-K announcing the restatement.

pub const PERICOM: [&str; 12] = [
    "NEG-pericom-2003-0000891092-03-001810-edgar-txt.txt",
    "NEG-pericom-2003-0000891092-03-002843-edgar-txt.txt",
    "NEG-pericom-2005-0001275287-05-000371-edgar-txt.txt",
    "NEG-pericom-2005-0001275287-05-001389-edgar-txt.txt",
    "edgar/1001426_8K_2005_0001275287-05-002977.txt",
    "NEG-pericom-2005-0001275287-05-003130-edgar-txt.txt",
    "NEG-pericom-2005-0001275287-05-004474-edgar-txt.txt",
    "NEG-pericom-2006-0001275287-06-002673-edgar-txt.txt",
    "NEG-pericom-2006-0001275287-06-004486-edgar-txt.txt",
    "NEG-pericom-2006-0001275287-06-005470-edgar-txt.txt",
    "NEG-pericom-2007-0001275287-07-000434-edgar-txt.txt",
    "NEG-pericom-2007-0001144204-07-020827-edgar-txt.txt",
];
