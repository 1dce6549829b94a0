import Foundation

/// The number of cores this process may run on, read once.
///
/// `ProcessInfo.activeProcessorCount` asks the kernel (and the cgroup limits) on every call:
/// about 25 µs here. Asked before every small scoring pass (the score bounds of a ranking make
/// a hundred of them), it was most of a `sovereign rank`'s scoring time.
public enum ProcessorCount {
  /// Active processors, at least 1.
  public static let active = max(1, ProcessInfo.processInfo.activeProcessorCount)
}
