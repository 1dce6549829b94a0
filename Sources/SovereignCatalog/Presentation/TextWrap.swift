/// Wrapping text to a terminal width at spaces, continuation lines indented under the first.
public enum TextWrap {
  /// Every line of `text` no longer than `width` characters: long lines are broken at spaces and
  /// continued with the line's own indentation plus `continuation` spaces; a word longer than the
  /// room (a long URL) is cut into pieces. Lines that fit are left as they are.
  public static func wrap(_ text: String, width: Int, continuation: Int = 2) -> String {
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
    return lines.map { wrapLine(String($0), width: width, continuation: continuation) }.joined(separator: "\n")
  }

  static func wrapLine(_ line: String, width: Int, continuation: Int) -> String {
    guard line.count > width, width > 8 else { return line }
    let leading = line.prefix { $0 == " " }.count
    let indent = String(repeating: " ", count: min(leading + continuation, width / 2))
    var output: [String] = []
    var current = String(line.prefix(leading))
    var currentHasWord = false
    for word in line.dropFirst(leading).split(separator: " ", omittingEmptySubsequences: true) {
      var word = Substring(word)
      while !word.isEmpty {
        let room = width - current.count - (currentHasWord ? 1 : 0)
        if word.count <= room {
          current += (currentHasWord ? " " : "") + word
          currentHasWord = true
          word = ""
        } else if currentHasWord && (word.count <= width - indent.count || room < 8) {
          output.append(current)
          current = indent
          currentHasWord = false
        } else {
          // A word longer than a whole line: cut what fits here, continue on the next line.
          let take = max(1, room)
          current += (currentHasWord ? " " : "") + word.prefix(take)
          word = word.dropFirst(take)
          output.append(current)
          current = indent
          currentHasWord = false
        }
      }
    }
    if currentHasWord || output.isEmpty { output.append(current) }
    return output.joined(separator: "\n")
  }
}
