<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>BackupsPage</name>
    <message numerus="yes">
        <source>%n backups of another journal are in this folder too; they are left alone.</source>
        <translation>
            <numerusform>%n backup of another journal is in this folder too; it is left alone.</numerusform>
            <numerusform>%n backups of another journal are in this folder too; they are left alone.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>This backup failed its check (%n problems): it cannot be restored. Use another backup, and check the drive it is on.</source>
        <translation>
            <numerusform>This backup failed its check (%n problem): it cannot be restored. Use another backup, and check the drive it is on.</numerusform>
            <numerusform>This backup failed its check (%n problems): it cannot be restored. Use another backup, and check the drive it is on.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ClientListModel</name>
    <message numerus="yes">
        <source>Sessions: %n</source>
        <translation>
            <numerusform>Sessions: %n</numerusform>
            <numerusform>Sessions: %n</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CustomProfileDialog</name>
    <message numerus="yes">
        <source>cycles of %n months</source>
        <translation>
            <numerusform>cycles of %n month</numerusform>
            <numerusform>cycles of %n months</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Valid: “%1”, %n requirements, %2.</source>
        <translation>
            <numerusform>Valid: “%1”, %n requirement, %2.</numerusform>
            <numerusform>Valid: “%1”, %n requirements, %2.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Dashboard</name>
    <message numerus="yes">
        <source>%n days left.</source>
        <translation>
            <numerusform>%n day left.</numerusform>
            <numerusform>%n days left.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n group or peer entries in this cycle have no group size. They count for nothing under these rules until you add the number of supervisees (not counting the supervisor).</source>
        <translation>
            <numerusform>%n group or peer entry in this cycle has no group size. It counts for nothing under these rules until you add the number of supervisees (not counting the supervisor).</numerusform>
            <numerusform>%n group or peer entries in this cycle have no group size. They count for nothing under these rules until you add the number of supervisees (not counting the supervisor).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n activities</source>
        <translation>
            <numerusform>%n activity</numerusform>
            <numerusform>%n activities</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n months met</source>
        <translation>
            <numerusform>%1 of %n month met</numerusform>
            <numerusform>%1 of %n months met</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n quarters met</source>
        <translation>
            <numerusform>%1 of %n quarter met</numerusform>
            <numerusform>%1 of %n quarters met</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n years met</source>
        <translation>
            <numerusform>%1 of %n year met</numerusform>
            <numerusform>%1 of %n years met</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>needs %n different months (%1 so far)</source>
        <translation>
            <numerusform>needs %n month (%1 so far)</numerusform>
            <numerusform>needs %n different months (%1 so far)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>EraseDialog</name>
    <message numerus="yes">
        <source>Also delete these %n older backups from the backup folder</source>
        <translation>
            <numerusform>Also delete this older backup from the backup folder</numerusform>
            <numerusform>Also delete these %n older backups from the backup folder</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Erase and delete %n backups</source>
        <translation>
            <numerusform>Erase and delete %n backup</numerusform>
            <numerusform>Erase and delete %n backups</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>IdentityDialog</name>
    <message numerus="yes">
        <source>Identifying details stored and hidden: %n</source>
        <translation>
            <numerusform>Identifying details stored and hidden: %n</numerusform>
            <numerusform>Identifying details stored and hidden: %n</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>LedgerView</name>
    <message numerus="yes">
        <source>%1 of %n entries · %2 (%3 h)</source>
        <translation>
            <numerusform>%1 of %n entry · %2 (%3 h)</numerusform>
            <numerusform>%1 of %n entries · %2 (%3 h)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n entries · %1 (%2 h)</source>
        <translation>
            <numerusform>%n entry · %1 (%2 h)</numerusform>
            <numerusform>%n entries · %1 (%2 h)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n entries added.</source>
        <translation>
            <numerusform>%n entry added.</numerusform>
            <numerusform>%n entries added.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PrepareView</name>
    <message numerus="yes">
        <source>%n shared</source>
        <translation>
            <numerusform>%n shared</numerusform>
            <numerusform>%n shared</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n sessions so far.</source>
        <translation>
            <numerusform>%n session so far.</numerusform>
            <numerusform>%n sessions so far.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PrivacyCounts</name>
    <message numerus="yes">
        <source>%n sessions</source>
        <translation>
            <numerusform>%n session</numerusform>
            <numerusform>%n sessions</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n note sections</source>
        <translation>
            <numerusform>%n note section</numerusform>
            <numerusform>%n note sections</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n reflections</source>
        <translation>
            <numerusform>%n reflection</numerusform>
            <numerusform>%n reflections</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n identity details</source>
        <translation>
            <numerusform>%n identity detail</numerusform>
            <numerusform>%n identity details</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PrivacyPage</name>
    <message numerus="yes">
        <source>%n closed clients are past their retention period. Erase them, or give them their own period with a reason.</source>
        <translation>
            <numerusform>One closed client is past their retention period. Erase them, or give them their own period with a reason.</numerusform>
            <numerusform>%n closed clients are past their retention period. Erase them, or give them their own period with a reason.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n years after the last session (own period: %1); kept until %2.</source>
        <translation>
            <numerusform>%n year after the last session (own period: %1); kept until %2.</numerusform>
            <numerusform>%n years after the last session (own period: %1); kept until %2.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n years after the last session (the default); kept until %1.</source>
        <translation>
            <numerusform>%n year after the last session (the default); kept until %1.</numerusform>
            <numerusform>%n years after the last session (the default); kept until %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source> years</source>
        <translation>
            <numerusform> year</numerusform>
            <numerusform> years</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The default retention period is now %n years.</source>
        <translation>
            <numerusform>The default retention period is now %n year.</numerusform>
            <numerusform>The default retention period is now %n years.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The client was anonymised: %n reflections kept without anything identifying.</source>
        <translation>
            <numerusform>The client was anonymised: %n reflection kept without anything identifying.</numerusform>
            <numerusform>The client was anonymised: %n reflections kept without anything identifying.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n older backups were deleted.</source>
        <translation>
            <numerusform>%n older backup was deleted.</numerusform>
            <numerusform>%n older backups were deleted.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n older backups could not be deleted: delete them in the backup folder.</source>
        <translation>
            <numerusform>%n older backup could not be deleted: delete it in the backup folder.</numerusform>
            <numerusform>%n older backups could not be deleted: delete them in the backup folder.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The client&apos;s data was written as PDF and JSON (%n sessions). Withheld sections are stated as such in both files.</source>
        <translation>
            <numerusform>The client&apos;s data was written as PDF and JSON (%n session). Withheld sections are stated as such in both files.</numerusform>
            <numerusform>The client&apos;s data was written as PDF and JSON (%n sessions). Withheld sections are stated as such in both files.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RecurringDialog</name>
    <message numerus="yes">
        <source>Create %n entries</source>
        <translation>
            <numerusform>Create %n entry</numerusform>
            <numerusform>Create %n entries</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n entries, each on a %1, from %2 to %3.</source>
        <translation>
            <numerusform>%n entry, on a %1, from %2 to %3.</numerusform>
            <numerusform>%n entries, each on a %1, from %2 to %3.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SealedViewer</name>
    <message numerus="yes">
        <source>Opened (a PDF of %n pages). Nothing was written to disk.</source>
        <translation>
            <numerusform>Opened (a PDF of %n page). Nothing was written to disk.</numerusform>
            <numerusform>Opened (a PDF of %n pages). Nothing was written to disk.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SearchPanel</name>
    <message numerus="yes">
        <source>Results: %n</source>
        <translation>
            <numerusform>Results: %n</numerusform>
            <numerusform>Results: %n</numerusform>
        </translation>
    </message>
</context>
</TS>
