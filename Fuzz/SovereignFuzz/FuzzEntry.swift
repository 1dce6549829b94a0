import Foundation

#if SOVEREIGN_FUZZING
/// libFuzzer's driver (LLVM >= 13), called from our own `main`: SwiftPM names an executable's
/// entry point `SovereignFuzz_main` and aliases `main` to it, so libFuzzer's `main` cannot be used.
@_silgen_name("LLVMFuzzerRunDriver")
func LLVMFuzzerRunDriver(
  _ argc: UnsafeMutablePointer<CInt>,
  _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
  _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt
) -> CInt

/// Fuzzing mode: `SOVEREIGN_FUZZ_TARGET=yaml sovereign-fuzz [libFuzzer flags] [CORPUS...]`.
@main
enum FuzzDriver {
  static func main() {
    _ = FuzzTarget.selected  // refuse an unknown target before fuzzing
    var argc = CommandLine.argc
    var argv = CommandLine.unsafeArgv
    exit(LLVMFuzzerRunDriver(&argc, &argv, testOneInput))
  }
}

/// Runs the selected target on one input. A target reports a bug by trapping
/// (`fuzzCheck`), which libFuzzer records as a crash with its input.
@_cdecl("LLVMFuzzerTestOneInput")
public func testOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
  let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
  FuzzTarget.selected.run(bytes)
  return 0
}
#else
/// Without the fuzzer (a plain `swift build`), `sovereign-fuzz TARGET FILE|DIR...` replays saved
/// inputs (seeds, a corpus, a crash file) through a target, so the targets build and can be
/// checked on any machine.
@main
enum CorpusReplay {
  static func main() {
    let arguments = Array(CommandLine.arguments.dropFirst())
    guard let name = arguments.first, let target = FuzzTarget(rawValue: name) else {
      FileHandle.standardError.write(Data(FuzzTarget.usage.utf8))
      exit(64)
    }
    var count = 0
    for path in arguments.dropFirst() {
      for file in files(at: path) {
        guard let data = FileManager.default.contents(atPath: file) else {
          FileHandle.standardError.write(Data("sovereign-fuzz: cannot read \(file)\n".utf8))
          exit(66)
        }
        target.run(Array(data))
        count += 1
      }
    }
    print("sovereign-fuzz \(target.rawValue): \(count) input(s) replayed, no failure")
  }

  static func files(at path: String) -> [String] {
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue else {
      return [path]
    }
    let names = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
    return names.sorted().map { path + "/" + $0 }
  }
}
#endif
