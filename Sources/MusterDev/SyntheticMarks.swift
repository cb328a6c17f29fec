import CourseKit

/// How a fictional person's mark is drawn: present as often as their diligence, then a tenth
/// late, a tenth excused, absent otherwise. One rule for the course and library generators.
enum SyntheticMarks {
    static func draw(_ random: inout SeededGenerator, diligence: Double) -> AttendanceStatus {
        let roll = Double(random.next() % 1000) / 1000
        if roll < diligence { return .present }
        if roll < diligence + 0.1 { return .late }
        return roll < diligence + 0.2 ? .excused : .absent
    }
}
