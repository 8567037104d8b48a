import Glibc

/// CPU time, not wall time: what a figure costs the machine rather than how long it waited.
enum CPUTime {
    /// Seconds of CPU used by the calling thread.
    static func thread() -> Double { clock(CLOCK_THREAD_CPUTIME_ID) }

    /// Seconds of CPU used by this whole process (every thread).
    static func process() -> Double { clock(CLOCK_PROCESS_CPUTIME_ID) }

    /// Monotonic wall-clock seconds.
    static func wall() -> Double { clock(CLOCK_MONOTONIC) }

    private static func clock(_ id: clockid_t) -> Double {
        var spec = timespec()
        clock_gettime(id, &spec)
        return Double(spec.tv_sec) + Double(spec.tv_nsec) / 1e9
    }

    /// utime + stime of another process from /proc/PID/stat, in seconds; nil when it is gone.
    static func of(pid: Int32) -> Double? {
        guard let fields = ProcFile.statFields(pid), fields.count > 13, let user = Double(fields[11]), let system = Double(fields[12]) else { return nil }
        return (user + system) / Double(sysconf(Int32(_SC_CLK_TCK)))
    }
}
