import Testing
@testable import JixiaoReports

/// The workbook's XML as it is read for `jixiao import`: the events in order, references decoded, and
/// what is not well-formed refused with its line.
struct XMLScannerTests {
    final class Recorder: XMLEvents {
        var events: [String] = []
        func start(_ name: String, attributes: [String: String]) {
            events.append("<" + name + attributes.sorted { $0.key < $1.key }.map { " \($0.key)=\($0.value)" }.joined() + ">")
        }
        func end(_ name: String) { events.append("</" + name + ">") }
        func text(_ s: String) { events.append("'" + s + "'") }
    }

    func events(_ xml: String) throws(XMLSyntaxError) -> [String] {
        let r = Recorder()
        try XMLScanner.scan(Array(xml.utf8), into: r)
        return r.events
    }

    @Test func elementsAttributesAndTextInOrder() throws {
        let xml = """
        \u{FEFF}<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <!-- a comment <c> -->
        <x:sst xmlns:x="urn:x" count='2'><x:si><x:t xml:space="preserve"> 项目 A </x:t></x:si><x:si/>
        <x:si><x:t>&lt;1&amp;2&gt; &quot;&apos; &#20013;&#x6587;&#x1F600;</x:t><x:t><![CDATA[<raw> & ]]></x:t></x:si></x:sst>
        """
        #expect(try events(String(xml.unicodeScalars.dropFirst())) == events(xml))
        #expect(try events(xml) == [
            "<x:sst count=2 xmlns:x=urn:x>", "<x:si>", "<x:t xml:space=preserve>", "' 项目 A '", "</x:t>", "</x:si>",
            "<x:si>", "</x:si>", "'\n'",
            "<x:si>", "<x:t>", "'<1&2> \"' 中文😀'", "</x:t>", "<x:t>", "'<raw> & '", "</x:t>", "</x:si>", "</x:sst>",
        ])
    }

    @Test func attributeValuesAreDecodedAndNormalized() throws {
        #expect(try events("<c r=\"B7\" t='s' v=\"a&amp;b&#10;c\td\"/>") == ["<c r=B7 t=s v=a&b\nc d>", "</c>"])
    }

    @Test(arguments: [
        ("<a>", 1), ("<a></b>", 1), ("<a>\n</a></a>", 2), ("<a/><b/>", 1), ("text<a/>", 1), ("", 1),
        ("<a>&bogus;</a>", 1), ("<a>&#0;</a>", 1), ("<a>&#xD800;</a>", 1), ("<a>&#+5;</a>", 1), ("<a>&amp</a>", 1),
        ("<!DOCTYPE a [<!ENTITY e \"x\">]>\n<a>&e;</a>", 1), ("<a\nb='1' b='2'/>", 2), ("<a b=1/>", 1),
        ("<a b='<'/>", 1), ("<a><!-- open", 1), ("<a>\n\n<![CDATA[ open</a>", 3), ("<a c='1'd='2'/>", 1),
    ])
    func notWellFormedIsRefusedWithItsLine(_ xml: String, _ line: Int) {
        #expect(throws: XMLSyntaxError(line: line)) { try events(xml) }
    }

    @Test func invalidUTF8IsRefused() {
        #expect(throws: XMLSyntaxError.self) { try XMLScanner.scan([0x3C, 0x61, 0x3E, 0xE4, 0xB8, 0x3C, 0x2F, 0x61, 0x3E], into: Recorder()) }
    }
}
