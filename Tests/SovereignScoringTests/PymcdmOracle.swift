import Foundation
import Testing

@testable import SovereignScoring

/// Runs `scripts/pymcdm_oracle.py` (python3 + pymcdm 1.4.0) on fixed matrices.
enum PymcdmOracle {
  struct Case: Encodable {
    var name: String
    var matrix: [[Double]]
    var weights: [Double]
    var types: [Int]
  }

  struct Answer: Decodable {
    struct Scores: Decodable {
      var name: String
      var topsis: [Double?]
      var wsm: [Double?]
    }
    var pymcdm: String
    var cases: [Scores]
  }

  enum Failure: Error, CustomStringConvertible {
    /// python3 or pymcdm 1.4.0 is missing on this machine.
    case unavailable(String)
    /// The script ran but failed or answered garbage.
    case broken(String)

    var description: String {
      switch self {
      case .unavailable(let text), .broken(let text): text
      }
    }
  }

  static var scriptURL: URL {
    URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent().appendingPathComponent("scripts/pymcdm_oracle.py")
  }

  /// Sends `cases` to the oracle and returns its scores.
  static func run(_ cases: [Case]) throws -> Answer {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["python3", "-u", scriptURL.path]
    let input = Pipe()
    let output = Pipe()
    let errorFile = FileManager.default.temporaryDirectory
      .appendingPathComponent("pymcdm-oracle-\(UUID().uuidString).stderr")
    _ = FileManager.default.createFile(atPath: errorFile.path, contents: nil)
    defer { try? FileManager.default.removeItem(at: errorFile) }
    process.standardInput = input
    process.standardOutput = output
    process.standardError = try FileHandle(forWritingTo: errorFile)
    do {
      try process.run()
    } catch {
      throw Failure.unavailable("cannot start python3 (\(error)); install python3 and pymcdm==1.4.0")
    }
    let request = try JSONEncoder().encode(["cases": cases])
    input.fileHandleForWriting.write(request)
    try input.fileHandleForWriting.close()
    let data = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    let stderr = (try? String(contentsOf: errorFile, encoding: .utf8)) ?? ""
    switch process.terminationStatus {
    case 0: break
    case 3, 127: throw Failure.unavailable("pymcdm oracle unavailable: \(stderr)")
    default: throw Failure.broken("pymcdm oracle exited \(process.terminationStatus): \(stderr)")
    }
    do {
      return try JSONDecoder().decode(Answer.self, from: data)
    } catch {
      throw Failure.broken("pymcdm oracle answered unreadable JSON: \(error)")
    }
  }
}
