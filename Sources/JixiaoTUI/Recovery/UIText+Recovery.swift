import Foundation
import JixiaoKit
import JixiaoStore
import JixiaoReports
import JixiaoTerminal

extension UIText {
    /// Recovery, locks and saving conflicts (docs/recovery.md).
    public enum Recovery {
        // The recovery prompt when a draft is opened.
        public static let recoveryTitle = "发现未保存的改动"
        public static func recoveryIntro(_ path: String) -> String {
            "上次编辑 \(path) 时没有保存就退出了（终端被关闭、程序被终止或出错）。恢复文件保存了当时的全部内容："
        }
        public static func savedAt(_ time: String, pid: Int32, host: String) -> String {
            "保存于 \(time)（进程 \(pid)\(host.isEmpty ? "" : "，主机 \(host)")）"
        }
        public static func changedCount(_ n: Int) -> String { "与磁盘上的草稿相比，有 \(n) 处不同：" }
        public static func change(_ location: String, old: String?, new: String?) -> String {
            "\(location)：\(shown(old)) → \(shown(new))"
        }
        public static func more(_ n: Int) -> String { "……另有 \(n) 处" }
        public static let draftNewer = "注意：草稿文件在恢复文件之后又被保存过（可能是另一台电脑或 jixiao set）。若选择恢复，将替换那次保存的内容；不确定时请选“两者都保留”。"
        public static let restore = "恢复这些改动（恢复后请按 F2 保存；Ctrl-Z 可撤回到磁盘上的版本）"
        public static let discard = "丢弃恢复文件，打开磁盘上的草稿"
        public static func keepBoth(_ name: String) -> String { "两者都保留：把恢复的内容另存为 \(name) 并打开它，原草稿不动" }
        public static let quitUndecided = "退出，暂不决定（两个文件都不动）"
        public static func restored(_ n: Int) -> String { "已恢复 \(n) 处未保存的改动。请按 F2 保存。" }
        public static func keptBoth(_ new: String, original: String) -> String { "已把恢复的内容另存为 \(new) 并打开；原草稿 \(original) 未改动。" }
        public static let discarded = "已丢弃恢复文件。"
        public static func unreadable(_ path: String, keptAs: String?, reason: String) -> String {
            "恢复文件 \(path) 无法读取（\(reason)）" + (keptAs.map { "，已改名保留为 \($0)。" } ?? "。")
        }
        public static func keepBothFailed(_ reason: String) -> String { "无法另存：\(reason)" }

        // Another program holds the draft.
        public static let lockTitle = "该草稿正在被使用"
        public static func lockHeld(_ path: String) -> String { "\(path) 已被另一个 jixiao 打开。两处同时修改会互相覆盖。" }
        public static func lockOwner(pid: Int32, host: String, user: String) -> String {
            pid > 0 ? "使用者：进程 \(pid)，主机 \(host.isEmpty ? "未知" : host)，用户 \(user.isEmpty ? "未知" : user)" : "使用者：未知（锁文件内容无法读取）"
        }
        public static func lockSince(_ time: String) -> String { "打开于：\(time)" }
        public static func lockHint(_ lockPath: String) -> String {
            "若确定那个程序已经不在运行（例如另一台电脑已关机），可退出后删除 \(lockPath) 再打开。"
        }
        public static let openReadOnly = "以只读方式打开（可以查看、打印，不能修改和保存）"
        public static let quit = "退出"
        public static let cancel = "取消"
        public static func tookOverLock(pid: Int32) -> String { "进程 \(pid) 留下的锁已失效（该进程已不在运行），已接管。" }
        public static let folderReadOnly = "注意：草稿所在目录不可写，改动将无法保存到原处；未保存的改动会写入恢复文件。"
        /// The lock could not be written (a full disk, an I/O error…); `reason` names the file and the cause.
        public static func lockNotMade(_ reason: String) -> String {
            "注意：未能建立草稿锁。\(reason) 本次编辑不加锁，其他程序可能同时打开此草稿。"
        }
        public static func lockNotRegular(_ lockPath: String) -> String {
            "注意：锁文件 \(lockPath) 不是普通文件（可能是他人放置的链接或管道），未使用也未删除；本次编辑不加锁，其他程序可能同时打开此草稿。确认无用后可删除它。"
        }

        // A save refused because the file changed on disk.
        public static let conflictTitle = "文件已被其他程序改动"
        public static func conflictBody(_ path: String) -> String {
            "\(path) 在打开（或上次保存）之后被其他程序改动过。直接保存会覆盖那些改动。"
        }
        public static func overwrite(_ bak: String) -> String { "覆盖：保存当前内容，被替换的版本保留为 \(bak)" }
        public static func saveAsNew(_ name: String) -> String { "另存为新文件 \(name) 并继续编辑它，原文件不动" }
        public static let cancelSave = "暂不保存（改动仍在程序中和恢复文件里）"
        public static func overwritten(_ path: String, bak: String) -> String { "已保存 \(path)；被替换的版本保留为 \(bak)。" }
        public static func savedAsNew(_ path: String, original: String) -> String { "已另存为 \(path) 并继续编辑它；\(original) 未改动。" }

        /// Printed by the crash handler, after the terminal is restored.
        public static let crashNotice = "jixiao 意外出错退出。未保存的改动已尽量写入恢复文件，再次打开该草稿即可选择恢复。\n"

        // Failing to keep typing safe.
        public static func recoveryWriteFailed(_ reason: String) -> String { "无法写入恢复文件：\(reason)" }

        public static let keys: [(String, String)] = [("↑↓", "选择"), ("Enter", "确定"), ("字母", "直接选择")]

        static func shown(_ v: String?) -> String {
            guard let v, !v.isEmpty else { return "（空）" }
            let one = v.split(whereSeparator: \.isNewline).joined(separator: "⏎")
            return one.count > 40 ? String(one.prefix(40)) + "…" : one
        }

        static func time(_ d: Date) -> String {
            let f = DateFormatter()
            f.dateFormat = "yyyy-MM-dd HH:mm:ss"
            return f.string(from: d)
        }
    }
}
