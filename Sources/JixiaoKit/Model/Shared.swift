/// A value kept behind one reference: copying whatever holds it is one retain, however many references
/// the value itself holds. Changed in place while it is the only holder, copied first when shared.
///
/// For values copied far more often than changed: a problem gathered into lists (`Problem`), a form
/// instance in the array of 200 that an edit copies (`FormEntry`), a form's spec copied into every
/// check context and layout (`FormSpec`).
struct Shared<Value: Sendable>: @unchecked Sendable {
    // Unchecked: the box is changed only through `value`'s modify, and only while uniquely referenced.
    private final class Box {
        var value: Value
        init(_ value: Value) { self.value = value }
    }

    private var box: Box

    init(_ value: Value) { box = Box(value) }

    var value: Value {
        // Read in place: a getter would hand out a copy of the whole value to read one field of it.
        _read { yield box.value }
        _modify {
            if !isKnownUniquelyReferenced(&box) { box = Box(box.value) }
            yield &box.value
        }
    }

    /// Whether both hold the very same box: equal without looking inside.
    func isSame(as other: Shared) -> Bool { box === other.box }
}
