import JixiaoKit
import JixiaoStore
import JixiaoReports
import JixiaoTerminal
/// Every string the user reads, in one place so it can be reviewed (and translated) as a whole.
/// Messages say what went wrong and what to do next.
public enum UIText {
}
