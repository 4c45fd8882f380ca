import Foundation
import JixiaoKit
import JixiaoStore
import JixiaoReports
import JixiaoGenerate
import JixiaoTerminal

// jixiao-bench: how long the library and the terminal UI take on a large generated draft.
// Not part of the test suite; run `swift run -c release jixiao-bench` and read the table.

let options = Options.parse(Array(CommandLine.arguments.dropFirst()))
let catalog = TemplateCatalog.standard()
only = options.only

if let path = options.once {
    PipelineBench.once(path, catalog: catalog, until: options.until)
    exit(0)
}

guard let templateID = options.template ?? catalog.defaultTemplateID() else { fail("no templates found (set JIXIAO_TEMPLATES)") }
let template: Template
do throws(TemplateError) { template = try catalog.load(templateID) } catch { fail(DraftText.template(error)) }

let draft: Draft
if let path = options.draft {
    do throws(DraftError) { draft = try DraftStore(catalog: catalog).load(path).draft } catch { fail(DraftText.message(error)) }
} else {
    draft = DraftGenerator(template: template, seed: options.seed, sizes: options.sizes, year: options.year).draft()
}

if let out = options.write {
    do throws(DraftError) { try DraftStore.save(draft, template: template, to: out) } catch { fail(DraftText.message(error)) }
    print("wrote \(out)")
    exit(0)
}

print("jixiao-bench")
for line in Machine.describe() { print(line) }
let dir = NSTemporaryDirectory() + "jixiao-bench-\(getpid())"
try? FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
let path = dir + "/draft.json"
do throws(DraftError) { try DraftStore.save(draft, template: template, to: path) } catch { fail(DraftText.message(error)) }

let pipeline = PipelineBench(catalog: catalog, template: template, draft: draft, path: path, runs: options.runs)
for line in pipeline.describeDraft(options) { print(line) }
print("")
var results = pipeline.run(dir: dir)
let cold: (samples: [Samples], peakKiB: [Int]) = options.cold > 0 ? PipelineBench.fresh(path, runs: options.cold) : ([], [])
results += cold.samples
results += KeystrokeBench(template: template, draft: draft, path: path, runs: options.keys, rows: options.rows, cols: options.cols).run()
report(results)
print("")
let coldPeak = cold.peakKiB.sorted()
print("peak memory (ru_maxrss): load + compute + check + score in a fresh process "
      + (coldPeak.isEmpty ? "not measured" : "\(mib(coldPeak[coldPeak.count / 2])) (median of \(coldPeak.count))")
      + "; this benchmark process \(mib(peakRSSKiB()))")
print("load average at the end: \(Machine.loadAverage)")
try? FileManager.default.removeItem(atPath: dir)
