/// The release version, written here and nowhere else: `jixiao --version` prints it, and
/// `scripts/package` reads it from this line to name and label the packages.
enum JixiaoVersion {
    static let current = "0.1.0"
}
