import Testing

/// The suites that drive the real binary (child processes, tmux). They wait on processes by
/// blocking a thread of the small cooperative pool the whole test run shares, so they run one
/// at a time, leaving the pool to the in-process simulator tests.
@Suite(.serialized) enum ProcessDriven {}
