import OutreachCore
import OutreachReports

/// The one list of shell commands. Help, completion and dispatch all read it.
public enum CommandRegistry {
    public static let commands: [any ShellCommand.Type] = [
        PartnerCommand.self, PartnersCommand.self, PartyCommand.self, PartiesCommand.self,
        PartnershipCommand.self, PartnershipsCommand.self, NoteCommand.self,
        NotesCommand.self, TermCommand.self, ValueCommand.self, ValuesCommand.self, ActionCommand.self, ActionsCommand.self, SearchCommand.self,
        SectorsCommand.self, SectorCommand.self, PluginsCommand.self, PluginCommand.self, GlossaryCommand.self, ReloadCommand.self,
        PlaybooksCommand.self, PlaybookCommand.self, StartCommand.self, ResumeCommand.self,
        SessionsCommand.self, AnswersCommand.self,
        AnswerCommand.self, NextCommand.self, SkipCommand.self, ForceSkipCommand.self, BackCommand.self, GotoCommand.self,
        TipCommand.self, WhereCommand.self, PauseCommand.self, FinishCommand.self,
        BackupCommand.self, CheckCommand.self, ExportCommand.self, ImportCommand.self, DatabaseCommand.self,
        ReportCommand.self, CoverageCommand.self, CoachCommand.self,
        HelpCommand.self, QuitCommand.self,
    ]

    public static func command(named word: String) -> (any ShellCommand.Type)? {
        commands.first { $0.allNames.contains(word) }
    }

    public static var names: [String] { commands.flatMap { $0.allNames } }
}
