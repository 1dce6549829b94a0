import ArgumentParser
import Foundation
import Sovereign

/// `sovereign mcda MATRIX.csv`: the scorer, SMAA-2 and weight sweeps on a user's own decision
/// matrix. All arithmetic is in the library (`MatrixScoring`, `SMAA`, `WeightSweep`).
struct MCDACommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "mcda",
    abstract: "Score, stress-test (SMAA-2) and sweep the weights of your own decision matrix (CSV: id,<criterion>...).",
    discussion: "Exit codes: 0 ok; 64 usage error; 65 invalid matrix (file:line:column); 66 file not found. See docs/robustness.md.")

  enum Format: String, ExpressibleByArgument, CaseIterable { case table, csv, json }

  @Argument(help: ArgumentHelp("The decision matrix (CSV).", valueName: "MATRIX.csv")) var file: String
  @Option(help: "Weights, one per criterion, comma-separated (any non-negative numbers).") var weights: String?
  @Option(help: "benefit or cost, one per criterion, comma-separated (default: all benefit).") var directions: String?
  @Option(help: "topsis or weighted-sum.") var method: RankCommand.Method = .weightedSum
  @Option(help: "standard, none, minmax or vector.") var normalization: String = "standard"
  @Option(help: ArgumentHelp("Run SMAA-2 with this many scenarios.", valueName: "N")) var robustness: Int?
  @Option(help: "Seed of the SMAA-2 scenarios.") var seed: UInt64 = 1
  @Option(help: "With --weights and --robustness: vary each weight by this fraction (0.25 is ±25 %).") var spread: Double?
  @Flag(help: "Sweep each criterion's weight: the interval over which the winner stays first.") var sweep = false
  @Option(help: "table, csv or json.") var format: Format = .table

  func run() throws {
    guard let data = FileManager.default.contents(atPath: file) else {
      Terminal.error("\(file): matrix file not found")
      throw ExitCode(ExitStatus.inputNotFound)
    }
    guard let text = String(data: data, encoding: .utf8) else {
      Terminal.error("\(file): not UTF-8 text")
      throw ExitCode(ExitStatus.invalidData)
    }
    let table: (ids: [String], criteria: [String], values: [[Double]])
    do { table = try MatrixCSVReader.read(text: text, file: file) } catch {
      Terminal.error(error.description)
      throw ExitCode(ExitStatus.invalidData)
    }
    let n = table.criteria.count
    func list(_ option: String?, _ name: String) throws -> [String]? {
      guard let option else { return nil }
      let items = option.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
      guard items.count == n else { throw ValidationError("--\(name) gives \(items.count) values for \(n) criteria") }
      return items
    }
    let given = try list(weights, "weights")?.map { item -> Double in
      guard let value = Double(item), value.isFinite, value >= 0 else { throw ValidationError("--weights: `\(item)` is not a non-negative number") }
      return value
    }
    let directionList = try list(directions, "directions")?.map { item -> CriterionDirection in
      guard let direction = CriterionDirection(rawValue: item) else { throw ValidationError("--directions: `\(item)` is not benefit or cost") }
      return direction
    } ?? Array(repeating: .benefit, count: n)
    guard let normalizationValue = MatrixNormalization(rawValue: normalization) else {
      throw ValidationError("--normalization must be standard, none, minmax or vector")
    }
    if robustness == nil && given == nil { throw ValidationError("give --weights (or --robustness N for uniform weights)") }
    if robustness != nil, given != nil, spread == nil {
      throw ValidationError("with --weights, --robustness needs --spread (e.g. 0.25); omit --weights for uniform weights")
    }
    let criteria = (0..<n).map { DecisionCriterion(table.criteria[$0], weight: given?[$0] ?? 1, direction: directionList[$0]) }
    do {
      let matrix = try DecisionMatrix(alternatives: table.ids, criteria: criteria, values: table.values)
      let mcda = method.method
      if let problem = normalizationValue.problem(with: mcda) { throw ValidationError(problem) }
      var report: [String: Any] = ["method": mcda.rawValue, "normalization": normalizationValue.resolved(for: mcda).rawValue]
      var lines: [String] = []
      var csv = ["id,rank,score"]
      if given != nil {
        let scores = try MatrixScoring.scores(matrix, method: mcda, normalization: normalizationValue)
        let order = CompetitionRanking.order(ids: matrix.alternatives, scores: scores)
        report["ranking"] = order.map { ["id": matrix.alternatives[$0.index], "rank": $0.rank, "score": scores[$0.index]] }
        lines.append("rank  id  score")
        for entry in order {
          lines.append("\(entry.rank)  \(matrix.alternatives[entry.index])  \(String(format: "%.6f", scores[entry.index]))")
          csv.append("\(matrix.alternatives[entry.index]),\(entry.rank),\(scores[entry.index])")
        }
      }
      if let robustness {
        let model: WeightModel = given.map { .around($0, spread: spread ?? 0) } ?? .uniform
        let result = try SMAA(matrix: matrix, method: mcda, normalization: normalizationValue)
          .run(.init(scenarios: robustness, seed: seed, weights: model))
        report["robustness"] = Self.json(result)
        lines.append("")
        lines.append("SMAA-2: \(robustness) scenarios, seed \(seed); choice entropy \(String(format: "%.3f", result.choiceEntropy)) bits, ranking entropy \(String(format: "%.3f", result.rankingEntropy)) bits")
        lines.append("id  b1  holistic  confidence  central weights")
        for i in result.reportOrder.prefix(20) {
          let central = result.centralWeights[i].map { $0.map { String(format: "%.3f", $0) }.joined(separator: " ") } ?? "-"
          lines.append(
            "\(result.alternatives[i])  \(String(format: "%.4f", result.firstRankAcceptability(i)))  \(String(format: "%.4f", result.holisticAcceptability[i]))  \(result.confidenceFactors[i].map { String(format: "%.2f", $0) } ?? "-")  \(central)")
        }
      }
      if sweep, given != nil {
        let results = try WeightSweep(matrix: matrix, method: mcda, normalization: normalizationValue).sweepAll()
        report["sweeps"] = results.map(Self.json)
        lines.append("")
        lines.append("criterion  weight  \(results.first?.winner ?? "") first for weight in  below  above")
        for r in results {
          lines.append(
            "\(r.criterion)  \(String(format: "%.4f", r.weight))  [\(String(format: "%.6f", r.lower)), \(String(format: "%.6f", r.upper))]  \(r.below.map { $0.takers.joined(separator: "=") } ?? "-")  \(r.above.map { $0.takers.joined(separator: "=") } ?? "-")")
        }
      }
      switch format {
      case .table: Terminal.write(lines.joined(separator: "\n") + "\n")
      case .csv: Terminal.write(csv.joined(separator: "\n") + "\n")
      case .json:
        let json = try JSONSerialization.data(withJSONObject: report, options: [.prettyPrinted, .sortedKeys])
        Terminal.write(String(decoding: json, as: UTF8.self) + "\n")
      }
    } catch let error as MCDAError {
      Terminal.error("\(file): error: \(error)")
      throw ExitCode(ExitStatus.invalidData)
    } catch let error as SMAAError {
      Terminal.error("error: \(error)")
      throw ExitCode(ExitStatus.usage)
    }
  }

  static func json(_ r: SMAAResult) -> [String: Any] {
    [
      "scenarios": r.scenarios, "seed": r.seed, "choice_entropy": r.choiceEntropy, "ranking_entropy": r.rankingEntropy,
      "alternatives": r.alternatives.indices.map { i -> [String: Any] in
        [
          "id": r.alternatives[i], "rank_acceptability": r.rankAcceptability[i], "eligibility": r.eligibility[i],
          "holistic_acceptability": r.holisticAcceptability[i],
          "central_weights": r.centralWeights[i] as Any? ?? NSNull(), "confidence_factor": r.confidenceFactors[i] as Any? ?? NSNull(),
        ]
      },
      "pairwise": ["ids": r.pairwiseAlternatives.map { r.alternatives[$0] }, "winning_index": r.pairwiseWinning],
    ]
  }

  static func json(_ r: WeightSweepResult) -> [String: Any] {
    func flip(_ f: WeightFlip?) -> Any { f.map { ["at": $0.at, "tied": $0.tied, "takers": $0.takers] } ?? NSNull() }
    return [
      "criterion": r.criterion, "weight": r.weight, "winner": r.winner, "lower": r.lower, "upper": r.upper,
      "below": flip(r.below), "above": flip(r.above), "exact": r.exact,
      "segments": r.segments.map { ["from": $0.from, "to": $0.to, "winners": $0.winners] },
    ]
  }
}
