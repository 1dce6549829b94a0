import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Durable file operations (POSIX): write + fsync, directory fsync, rename, advisory lock.
enum FileSystem {
  static func errno_() -> String { String(cString: strerror(errno)) }

  /// Creates `url` and its missing parents (mode 0755); errors name the path and the system's reason.
  static func makeDirectory(_ url: URL) throws(StoreError) {
    var isDirectory: ObjCBool = false
    if FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) {
      guard isDirectory.boolValue else { throw .cannotWrite(path: url.path, detail: "a file is in the way (not a directory)") }
      return
    }
    let parent = url.deletingLastPathComponent()
    if parent.path != url.path && !parent.path.isEmpty { try makeDirectory(parent) }
    if mkdir(url.path, 0o755) != 0 && errno != EEXIST { throw .cannotWrite(path: url.path, detail: errno_()) }
  }

  /// Creates `url` (which must not exist), writes all bytes, fsyncs and closes.
  static func writeDurably(_ bytes: [UInt8], to url: URL) throws(StoreError) {
    let fd = open(url.path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
    guard fd >= 0 else { throw .cannotWrite(path: url.path, detail: errno_()) }
    defer { close(fd) }
    var offset = 0
    while offset < bytes.count {
      let written = bytes.withUnsafeBytes { write(fd, $0.baseAddress! + offset, bytes.count - offset) }
      if written < 0 {
        if errno == EINTR { continue }
        throw .cannotWrite(path: url.path, detail: errno_())
      }
      offset += written
    }
    guard fsync(fd) == 0 else { throw .cannotWrite(path: url.path, detail: "fsync: " + errno_()) }
  }

  static func syncDirectory(_ url: URL) throws(StoreError) {
    let fd = open(url.path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
    guard fd >= 0 else { throw .cannotWrite(path: url.path, detail: errno_()) }
    defer { close(fd) }
    guard fsync(fd) == 0 else { throw .cannotWrite(path: url.path, detail: "fsync: " + errno_()) }
  }

  static func rename(_ from: URL, to: URL) throws(StoreError) {
    guard Foundation.rename(from.path, to.path) == 0 else { throw .cannotWrite(path: to.path, detail: errno_()) }
  }

  static func read(_ url: URL) throws(StoreError) -> [UInt8] {
    do { return Array(try Data(contentsOf: url)) } catch { throw .cannotRead(path: url.path, detail: error.localizedDescription) }
  }

  /// Takes an exclusive advisory lock (waits for other writers).
  static func lock(_ url: URL) throws(StoreError) -> Int32 {
    let fd = open(url.path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
    guard fd >= 0 else { throw .cannotWrite(path: url.path, detail: errno_()) }
    while flock(fd, LOCK_EX) != 0 {
      if errno != EINTR {
        close(fd)
        throw .cannotWrite(path: url.path, detail: "lock: " + errno_())
      }
    }
    return fd
  }

  static func unlock(_ fd: Int32) {
    _ = flock(fd, LOCK_UN)
    close(fd)
  }
}
