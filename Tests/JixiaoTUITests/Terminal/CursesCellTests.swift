import CNcursesw
import Testing

/// The terminal builds a one-scalar cell itself (`jx_scalar_cchar`) instead of through setcchar: the
/// very bytes setcchar makes, for every attribute combination, pairs below and above 255, narrow and
/// wide characters.
@Suite struct CursesCellTests {
    @Test func oneScalarCellIsWhatSetccharMakes() {
        let attributes: [attr_t] = [jx_a_normal(), jx_a_bold(), jx_a_reverse(), jx_a_dim(), jx_a_underline(),
                                    jx_a_bold() | jx_a_reverse(), jx_a_dim() | jx_a_underline() | jx_a_bold()]
        let scalars: [UInt32] = [0x20, 0x41, 0x2E, 0x4E2D, 0x7B97, 0xFF0C, 0x2500, 0x2502, 0x2026, 0x1F600, 0xE9]
        var compared = 0
        for attrs in attributes {
            for pair: Int16 in [0, 1, 7, 42, 255, 256, 1000, Int16.max] {
                for v in scalars {
                    let ch = wchar_t(bitPattern: v)
                    var ours = cchar_t(), theirs = cchar_t()
                    jx_scalar_cchar(&ours, ch, attrs, pair)
                    var text: [wchar_t] = [ch, 0]
                    #expect(setcchar(&theirs, &text, attrs, pair, nil) == jx_ok())
                    let same = withUnsafeBytes(of: &ours) { a in withUnsafeBytes(of: &theirs) { b in a.elementsEqual(b) } }
                    #expect(same, "U+\(String(v, radix: 16)) attrs \(attrs) pair \(pair)")
                    compared += 1
                }
            }
        }
        #expect(compared == 7 * 8 * 11)
    }
}
