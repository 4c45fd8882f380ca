import Foundation
import JixiaoKit
import JixiaoStore
import JixiaoReports
import JixiaoGenerate
import JixiaoTerminal

/// Command-line options of jixiao-bench (run with --help).
struct Options {
    var runs = 30
    var keys = 1000
    var seed: UInt64 = 1
    var template: String?
    var sizes = DraftGenerator.Sizes.large
    var year = 2023
    var rows = 40
    var cols = 120
    var write: String?
    var draft: String?
    var once: String?
    var until = "score"
    var cold = 10
    /// Run only the benchmarks whose name contains one of these words.
    var only: [String] = []

    static let usage = """
    usage: jixiao-bench [options]
      --runs N          runs of each whole-draft benchmark (default 30)
      --keys N          runs of each keystroke benchmark (default 1000)
      --seed N          generator seed (default 1)
      --template ID     template to generate for (default: the catalog's default template)
      --projects N      instances of each repeated form (default 200)
      --indicators N    indicator rows per form instance (default 30)
      --named-rows N    instances of each named repeated row (default 40)
      --year Y          evaluated year (default 2023)
      --screen RxC      screen size for the keystroke benchmarks (default 40x120)
      --draft FILE      benchmark this draft instead of a generated one
      --write FILE      write the generated draft to FILE and exit
      --only WORD[,WORD]  run only benchmarks whose name contains a word (load, key, arrow, F5, open …)
      --cold N          fresh-process (cold) runs of load/compute/check/score (default 10)
      --once FILE       load, compute, check and score FILE once; print each phase (ns) and the peak RSS (KiB)
      --until PHASE     with --once: stop after load, compute or check (for profiling one phase)
    """

    static func parse(_ args: [String]) -> Options {
        var o = Options()
        var i = 0
        func value() -> String {
            i += 1
            guard i < args.count else { fail("missing value after \(args[i - 1])") }
            return args[i]
        }
        func int(_ s: String) -> Int {
            guard let n = Int(s), n >= 0 else { fail("not a number: \(s)") }
            return n
        }
        while i < args.count {
            switch args[i] {
            case "--runs": o.runs = max(1, int(value()))
            case "--keys": o.keys = max(1, int(value()))
            case "--seed": o.seed = UInt64(int(value()))
            case "--template": o.template = value()
            case "--projects": o.sizes.instances = int(value())
            case "--indicators": o.sizes.indicators = int(value())
            case "--named-rows": o.sizes.namedRows = int(value())
            case "--year": o.year = int(value())
            case "--screen":
                let parts = value().split(separator: "x").compactMap { Int($0) }
                guard parts.count == 2 else { fail("--screen wants ROWSxCOLS") }
                (o.rows, o.cols) = (parts[0], parts[1])
            case "--draft": o.draft = value()
            case "--write": o.write = value()
            case "--once": o.once = value()
            case "--until": o.until = value()
            case "--cold": o.cold = int(value())
            case "--only": o.only = value().split(separator: ",").map(String.init)
            case "-h", "--help": print(usage); exit(0)
            default: fail("unknown option \(args[i])\n\(usage)")
            }
            i += 1
        }
        return o
    }
}

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data(("jixiao-bench: " + message + "\n").utf8))
    exit(2)
}
