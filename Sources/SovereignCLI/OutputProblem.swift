import Foundation

/// Why an output file could not be written, in plain words (Foundation's own text is often
/// "The operation could not be completed", which tells the user nothing).
enum OutputProblem {
  static func reason(for path: String, error: any Error) -> String {
    let fileManager = FileManager.default
    var isDirectory: ObjCBool = false
    if fileManager.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
      return "it is a directory; give a file name"
    }
    let parent = URL(fileURLWithPath: path).deletingLastPathComponent().path
    if !fileManager.fileExists(atPath: parent, isDirectory: &isDirectory) {
      return "the folder \(parent) does not exist"
    }
    if !isDirectory.boolValue { return "\(parent) is not a folder" }
    if !fileManager.isWritableFile(atPath: parent) { return "no permission to write in \(parent)" }
    return (error as NSError).localizedFailureReason ?? error.localizedDescription
  }
}
