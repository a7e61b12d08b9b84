//! share (to be filled)
