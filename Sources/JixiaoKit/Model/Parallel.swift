import Dispatch
import Foundation

/// Work over independent form instances spread on the machine's cores. The instances of a draft are
/// evaluated and checked independently of each other (they read only their own cells), so a cold
/// `validate` or a full recompute of a 200-project draft need not wait on one core.
public enum Parallel {
    /// `items.map(transform)`, in the same order, with the items shared among up to one thread per core.
    /// Few items, or one core, are mapped on the calling thread.
    public static func map<T: Sendable, U: Sendable>(_ items: [T], minimum: Int = 8, _ transform: @Sendable (T) -> U) -> [U] {
        let lanes = min(ProcessInfo.processInfo.activeProcessorCount, items.count / max(1, minimum))
        guard lanes > 1 else { return items.map(transform) }
        let out = Slots<U>(count: items.count)
        // Interleaved: neighbouring projects tend to be alike in size, so each lane gets a fair share.
        DispatchQueue.concurrentPerform(iterations: lanes) { lane in
            for i in stride(from: lane, to: items.count, by: lanes) { out.put(transform(items[i]), at: i) }
        }
        return out.values()
    }
}

/// One slot per result, each written by exactly one lane before `concurrentPerform` returns (which
/// orders those writes before `values()` reads them): no two threads touch the same slot.
private final class Slots<U>: @unchecked Sendable {
    private let base: UnsafeMutablePointer<U?>
    private let count: Int

    init(count: Int) {
        self.count = count
        base = .allocate(capacity: count)
        base.initialize(repeating: nil, count: count)
    }

    deinit {
        base.deinitialize(count: count)
        base.deallocate()
    }

    func put(_ value: U, at i: Int) { base[i] = value }

    func values() -> [U] { (0..<count).map { base[$0]! } }
}

/// A value computed on another core while the caller goes on with what does not need it (the draft's
/// template, loaded while the draft's instances are found). One reader: the thread that made it, or
/// the one thread it is handed to.
public final class Later<T: Sendable>: @unchecked Sendable {
    private var result: T?
    private var waited = false
    private let done = DispatchSemaphore(value: 0)

    public init(_ work: @escaping @Sendable () -> T) {
        DispatchQueue.global(qos: .userInitiated).async {
            self.result = work()
            self.done.signal()
        }
    }

    /// The value, once it is there.
    public var value: T {
        if !waited {
            done.wait()
            waited = true
        }
        return result!
    }
}
