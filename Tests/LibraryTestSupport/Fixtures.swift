import CourseKit
import Foundation

/// Small course files built in code, for tests that need exact contents.
public enum Fixtures {
    /// The project's `courses/` folder, found from this source file's location.
    public static var coursesDirectory: String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("courses").path
    }

    /// A two-session course with people whose names exercise folding and width.
    public static let miniCourseYAML = """
        code: mini-2024
        title: Mini Course
        time_zone: Pacific/Palau
        modality: in-person
        start_date: 2024-05-07
        end_date: 2024-05-07
        completion:
          minimum_percent: 50
          require_core: false
        late_after_minutes: 15
        sessions:
        - id: am
          title: Morning
          kind: module
          start: 2024-05-07 09:00
          end: 2024-05-07 12:00
        - id: pm
          title: Afternoon
          kind: module
          start: 2024-05-07 13:00
          end: 2024-05-07 17:00
          core: true
        agencies:
        - id: pw-bim
          name: Bureau of Immigration
          acronym: BIM
          kind: border-agency
          country: PW
        - id: iom
          name: International Organization for Migration
          acronym: IOM
          kind: international
        quotas:
        - scope: country
          key: PW
          limit: 5
        participants:
        - code: T-001
          given_name: José
          family_name: Núñez
          sex: male
          country: PW
          agency: pw-bim
          email: jose.nunez@example.org
          role: participant
          status: confirmed
        - code: T-002
          given_name: 小龍
          family_name: 李
          sex: male
          country: PW
          agency: pw-bim
          role: participant
          status: confirmed
        - code: T-003
          given_name: Nguyễn Văn
          family_name: A
          sex: female
          country: PW
          agency: pw-bim
          role: participant
          status: nominated
        - code: T-004
          given_name: Mary
          family_name: O'Neil-Smith
          sex: female
          country: PW
          agency: iom
          role: facilitator
          status: confirmed
        - code: T-005
          given_name: Ana
          family_name: Tellei
          sex: female
          country: PW
          agency: pw-bim
          role: participant
          status: substituted
          substituted_by: T-001

        """
}
