/// Problems with the snapshot store.
public enum StoreError: Error, Sendable, Hashable, CustomStringConvertible {
  /// A file or directory could not be written (disk full, permissions...).
  case cannotWrite(path: String, detail: String)
  /// A file could not be read.
  case cannotRead(path: String, detail: String)
  /// A snapshot's files do not match its manifest (damaged on disk).
  case corrupt(path: String, detail: String)
  /// No snapshot matches the request.
  case notFound(String)
  /// Another `sovereign refresh` holds the store (``RefreshLock``); `holder` is its process id.
  case busy(path: String, holder: String?)

  public var description: String {
    switch self {
    case .cannotWrite(let path, let detail): return "cannot write \(path): \(detail)"
    case .cannotRead(let path, let detail): return "cannot read \(path): \(detail)"
    case .corrupt(let path, let detail): return "the snapshot \(path) is damaged (\(detail)); delete it and run `sovereign refresh` again"
    case .notFound(let what): return what
    case .busy(let path, let holder):
      return "another `sovereign refresh` is running on this store\(holder.map { " (process \($0))" } ?? "") (lock \(path)); nothing was changed: run again when it has finished, or set SOVEREIGN_HOME to another directory"
    }
  }
}
