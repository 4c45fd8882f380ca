import Foundation
import JixiaoKit
import ZIPFoundation

/// An Office Open XML package (a workbook, a document) from its parts, with ZIPFoundation.
enum ZipParts {
    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    /// The container's bytes. A fixed date keeps the same draft's printout byte-for-byte the same.
    static func archive(_ parts: [PrintedFile]) throws(Failure) -> [UInt8] {
        let archive: Archive
        do { archive = try Archive(accessMode: .create) } catch { throw Failure(description: String(describing: error)) }
        let date = Date(timeIntervalSince1970: 946_684_800)
        for part in parts {
            let data = Data(part.bytes)
            do {
                try archive.addEntry(with: part.name, type: .file, uncompressedSize: Int64(data.count), modificationDate: date,
                                     compressionMethod: .deflate) { position, size in
                    data.subdata(in: Int(position)..<min(Int(position) + size, data.count))
                }
            } catch { throw Failure(description: String(describing: error)) }
        }
        guard let data = archive.data else { throw Failure(description: "empty archive") }
        return [UInt8](data)
    }
}
