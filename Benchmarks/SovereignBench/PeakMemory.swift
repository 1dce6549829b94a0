import Foundation

/// Peak resident set size of this process so far (getrusage `ru_maxrss`, KiB on Linux).
enum PeakMemory {
  static var mebibytes: Double {
    var usage = rusage()
    #if os(Linux)
    getrusage(RUSAGE_SELF.rawValue, &usage)
    #else
    getrusage(RUSAGE_SELF, &usage)
    #endif
    return Double(usage.ru_maxrss) / 1024
  }
}
