import SovereignCatalog

/// The SHA-256 fingerprint of a catalog as loaded: over its files sorted by relative path, each
/// contributing its path, a NUL byte, its length in decimal, a NUL byte and its bytes. Two runs
/// on the same catalog files print the same fingerprint; any changed byte or renamed file changes it.
public enum CatalogFingerprint {
  public static func sha256(of files: [CatalogFile]) -> String {
    var bytes: [UInt8] = []
    for file in files.sorted(by: { $0.relativePath.utf8.lexicographicallyPrecedes($1.relativePath.utf8) }) {
      bytes += Array(file.relativePath.utf8) + [0] + Array(String(file.contents.count).utf8) + [0]
      bytes += file.contents
    }
    return SHA256.hex(bytes)
  }
}
