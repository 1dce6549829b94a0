import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// One `sovereign refresh` run's exclusive claim on a snapshot store.
///
/// Two runs on the same `$SOVEREIGN_HOME` would each read "the previous snapshot", fetch, and
/// report differences against a store the other is changing. The second run therefore does not
/// wait: it stops at once with ``StoreError/busy(path:holder:)`` (`sovereign refresh` exits 75).
/// The claim is an advisory `flock` on `snapshots/.refresh.lock`, which holds the claiming
/// process id for the message; the kernel releases it when the process ends, however it ends, so
/// a killed run never leaves the store locked. Snapshot writes also take the short write lock of
/// ``SnapshotStore``, so even a program that writes without this claim cannot interleave files.
public struct RefreshLock: Sendable {
  let descriptor: Int32
  public let path: String

  /// Claims `store`, or throws ``StoreError/busy(path:holder:)`` when another run holds it, or
  /// ``StoreError/cannotWrite(path:detail:)`` when the store cannot be written.
  public static func acquire(_ store: SnapshotStore) throws(StoreError) -> RefreshLock {
    let directory = store.root.appending(path: "snapshots")
    try FileSystem.makeDirectory(directory)
    let url = directory.appending(path: ".refresh.lock")
    let fd = open(url.path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
    guard fd >= 0 else { throw .cannotWrite(path: url.path, detail: FileSystem.errno_()) }
    while flock(fd, LOCK_EX | LOCK_NB) != 0 {
      if errno == EINTR { continue }
      let failure = errno
      let holder = String(decoding: (try? FileSystem.read(url)) ?? [], as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
      close(fd)
      if failure == EWOULDBLOCK { throw .busy(path: url.path, holder: holder.isEmpty ? nil : holder) }
      throw .cannotWrite(path: url.path, detail: "lock: " + String(cString: strerror(failure)))
    }
    // Record who holds it (for the other run's message); a failure here does not matter.
    let pid = Array("\(getpid())\n".utf8)
    if ftruncate(fd, 0) == 0 { _ = pid.withUnsafeBytes { pwrite(fd, $0.baseAddress, pid.count, 0) } }
    return RefreshLock(descriptor: fd, path: url.path)
  }

  /// Gives the claim back (also done by the kernel when the process ends).
  public func release() {
    FileSystem.unlock(descriptor)
  }
}
