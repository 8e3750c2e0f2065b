<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>AboutDialog</name>
    <message>
        <source>Version %1</source>
        <translation>Version %1</translation>
    </message>
    <message>
        <source>Free software under the GNU General Public License, version 3 or later (GPL-3.0-or-later).</source>
        <translation>Logiciel libre sous licence publique générale GNU, version 3 ou ultérieure (GPL-3.0-or-later).</translation>
    </message>
    <message>
        <source>Your journal is an SQLCipher database (AES-256) whose random key is locked by your passphrase through Argon2id, and separately by your recovery code.
Nothing leaves this computer: no network, no account, no telemetry. The logs hold no note text.</source>
        <translation>Votre journal est une base SQLCipher (AES-256) dont la clé aléatoire est verrouillée par votre phrase de passe via Argon2id, et séparément par votre code de récupération.
Rien ne quitte cet ordinateur&#xa0;: ni réseau, ni compte, ni télémétrie. Les journaux techniques ne contiennent aucun texte de note.</translation>
    </message>
    <message>
        <source>Journal</source>
        <translation>Journal</translation>
    </message>
    <message>
        <source>Backups</source>
        <translation>Sauvegardes</translation>
    </message>
    <message>
        <source>Logs</source>
        <translation>Journaux techniques</translation>
    </message>
</context>
<context>
    <name>ActivityDialog</name>
    <message>
        <source>%1 MB</source>
        <translation>%1 Mo</translation>
    </message>
    <message>
        <source>%1 KB</source>
        <translation>%1 Ko</translation>
    </message>
    <message>
        <source>New activity</source>
        <translation>Nouvelle activité</translation>
    </message>
    <message>
        <source>Copy of an activity</source>
        <translation>Copie d’une activité</translation>
    </message>
    <message>
        <source>Activity</source>
        <translation>Activité</translation>
    </message>
    <message>
        <source>Kind of activity</source>
        <translation>Type d’activité</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Duration in hours and minutes</source>
        <translation>Durée en heures et minutes</translation>
    </message>
    <message>
        <source>h:mm, e.g. 1:30</source>
        <translation>h:mm, p. ex. 1:30</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>Format</translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>Group size: supervisees, not counting the supervisor</source>
        <translation>Taille du groupe&#xa0;: supervisés, sans compter le superviseur</translation>
    </message>
    <message>
        <source>not given</source>
        <translation>non précisée</translation>
    </message>
    <message>
        <source>Facilitated</source>
        <translation>Animé</translation>
    </message>
    <message>
        <source>Modality</source>
        <translation>Modalité</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Intitulé</translation>
    </message>
    <message>
        <source>Course, book, event…</source>
        <translation>Formation, livre, événement…</translation>
    </message>
    <message>
        <source>Provider or supervisor</source>
        <translation>Organisme ou superviseur</translation>
    </message>
    <message>
        <source>Accredited</source>
        <translation>Agréé</translation>
    </message>
    <message>
        <source>Topic: %1</source>
        <translation>Thème&#xa0;: %1</translation>
    </message>
    <message>
        <source>Other topics</source>
        <translation>Autres thèmes</translation>
    </message>
    <message>
        <source>Other topics, separated by commas</source>
        <translation>Autres thèmes, séparés par des virgules</translation>
    </message>
    <message>
        <source>What I learned</source>
        <translation>Ce que j’ai appris</translation>
    </message>
    <message>
        <source>Impact on my practice</source>
        <translation>Effets sur ma pratique</translation>
    </message>
    <message>
        <source>Evidence attachments</source>
        <translation>Justificatifs joints</translation>
    </message>
    <message>
        <source>&amp;Attach…</source>
        <translation>&amp;Joindre…</translation>
    </message>
    <message>
        <source>Attach a certificate or other evidence</source>
        <translation>Joindre une attestation ou un autre justificatif</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Voir</translation>
    </message>
    <message>
        <source>View the attachment</source>
        <translation>Voir la pièce jointe</translation>
    </message>
    <message>
        <source>Re&amp;move</source>
        <translation>&amp;Retirer</translation>
    </message>
    <message>
        <source>Remove the attachment</source>
        <translation>Retirer la pièce jointe</translation>
    </message>
    <message>
        <source>This entry was logged with a supervision session. Edit its date, duration and reflection on the Supervision page; you can attach evidence here.</source>
        <translation>Cette entrée a été enregistrée avec une séance de supervision. Modifiez sa date, sa durée et sa réflexion sur la page Supervision&#xa0;; vous pouvez joindre des justificatifs ici.</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Erreur</translation>
    </message>
    <message>
        <source>Save (Ctrl+Enter)</source>
        <translation>Enregistrer (Ctrl+Entrée)</translation>
    </message>
    <message>
        <source>Not stated</source>
        <translation>Non précisé</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Oui</translation>
    </message>
    <message>
        <source>No</source>
        <translation>Non</translation>
    </message>
    <message>
        <source>&amp;Kind</source>
        <translation>&amp;Type</translation>
    </message>
    <message>
        <source>&amp;Date</source>
        <translation>&amp;Date</translation>
    </message>
    <message>
        <source>D&amp;uration</source>
        <translation>D&amp;urée</translation>
    </message>
    <message>
        <source>&amp;Format</source>
        <translation>&amp;Format</translation>
    </message>
    <message>
        <source>&amp;Group size
(supervisees, not counting the supervisor)</source>
        <translation>Taille du &amp;groupe
(supervisés, sans compter le superviseur)</translation>
    </message>
    <message>
        <source>Faci&amp;litated</source>
        <translation>A&amp;nimé</translation>
    </message>
    <message>
        <source>M&amp;odality</source>
        <translation>M&amp;odalité</translation>
    </message>
    <message>
        <source>&amp;Title</source>
        <translation>&amp;Intitulé</translation>
    </message>
    <message>
        <source>&amp;Provider or supervisor</source>
        <translation>Organisme ou &amp;superviseur</translation>
    </message>
    <message>
        <source>Accr&amp;edited</source>
        <translation>Agré&amp;é</translation>
    </message>
    <message>
        <source>To&amp;pics</source>
        <translation>T&amp;hèmes</translation>
    </message>
    <message>
        <source>What I &amp;learned</source>
        <translation>Ce que j’ai &amp;appris</translation>
    </message>
    <message>
        <source>&amp;Impact on my practice</source>
        <translation>Effets sur ma &amp;pratique</translation>
    </message>
    <message>
        <source>E&amp;vidence (certificates, letters): kept encrypted in the vault</source>
        <translation>Justifi&amp;catifs (attestations, courriers)&#xa0;: conservés chiffrés dans le coffre</translation>
    </message>
    <message>
        <source>not a duration</source>
        <translation>ce n’est pas une durée</translation>
    </message>
    <message>
        <source>%1 h</source>
        <translation>%1 h</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>%1 — saved with the activity</source>
        <translation>%1 — enregistré avec l’activité</translation>
    </message>
    <message>
        <source>Attach evidence</source>
        <translation>Joindre un justificatif</translation>
    </message>
    <message>
        <source>Certificates and letters (%1);;All files (*)</source>
        <translation>Attestations et courriers (%1);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>Impossible de lire %1&#xa0;: %2</translation>
    </message>
    <message>
        <source>Give the duration in hours and minutes, e.g. 1:30.</source>
        <translation>Indiquez la durée en heures et minutes, p. ex. 1:30.</translation>
    </message>
</context>
<context>
    <name>ActivityTableModel</name>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Durée</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>Format</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Intitulé</translation>
    </message>
    <message>
        <source>Provider or supervisor</source>
        <translation>Organisme ou superviseur</translation>
    </message>
    <message>
        <source>Topics</source>
        <translation>Thèmes</translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation>Justificatifs</translation>
    </message>
    <message>
        <source>Logged with a supervision session: edit it on the Supervision page.</source>
        <translation>Enregistrée avec une séance de supervision&#xa0;: modifiez-la sur la page Supervision.</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 (%2)</translation>
    </message>
</context>
<context>
    <name>AnswerEditor</name>
    <message>
        <source>Answer to “%1”</source>
        <translation>Réponse à «&#xa0;%1&#xa0;»</translation>
    </message>
    <message>
        <source>Write your answer; it is saved as you type.</source>
        <translation>Écrivez votre réponse&#xa0;; elle est enregistrée au fil de la frappe.</translation>
    </message>
    <message>
        <source>Question for supervision</source>
        <translation>À poser en supervision</translation>
    </message>
    <message>
        <source>Add this answer to the questions for supervision</source>
        <translation>Ajouter cette réponse aux questions pour la supervision</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Supprimer</translation>
    </message>
    <message>
        <source>Delete this answer</source>
        <translation>Supprimer cette réponse</translation>
    </message>
</context>
<context>
    <name>ApprovalRow</name>
    <message>
        <source>Share in supervision</source>
        <translation>Partager en supervision</translation>
    </message>
    <message>
        <source>Share “%1” in supervision</source>
        <translation>Partager «&#xa0;%1&#xa0;» en supervision</translation>
    </message>
    <message>
        <source>Changed since approval</source>
        <translation>Modifié depuis l’approbation</translation>
    </message>
    <message>
        <source>Changed since approval — approve again</source>
        <translation>Modifié depuis l’approbation — à réapprouver</translation>
    </message>
    <message>
        <source>Approve again to share the new text</source>
        <translation>Approuvez de nouveau pour partager le nouveau texte</translation>
    </message>
    <message>
        <source>Keep unshared</source>
        <translation>Ne pas partager</translation>
    </message>
    <message>
        <source>Keep this text unshared</source>
        <translation>Ne pas partager ce texte</translation>
    </message>
</context>
<context>
    <name>BackupBanners</name>
    <message>
        <source>&amp;Back up now</source>
        <translation>&amp;Sauvegarder maintenant</translation>
    </message>
    <message>
        <source>&amp;Test a restore now</source>
        <translation>&amp;Tester une restauration</translation>
    </message>
    <message>
        <source>&amp;Later</source>
        <translation>&amp;Plus tard</translation>
    </message>
    <message>
        <source>No restore has been tested yet.</source>
        <translation>Aucune restauration n’a encore été testée.</translation>
    </message>
    <message>
        <source>The last test was on %1.</source>
        <translation>Le dernier test date du %1.</translation>
    </message>
    <message>
        <source>Time to test a restore</source>
        <translation>Il est temps de tester une restauration</translation>
    </message>
    <message>
        <source>It takes a moment: a backup picked at random is opened and checked in full, without changing your journal.</source>
        <translation>Cela prend un instant&#xa0;: une sauvegarde choisie au hasard est ouverte et vérifiée entièrement, sans modifier votre journal.</translation>
    </message>
    <message>
        <source>The backup when you last quit did not finish (%1)</source>
        <translation>La sauvegarde de votre dernière fermeture n’a pas abouti (%1)</translation>
    </message>
    <message>
        <source>The daily backup could not be made (%1)</source>
        <translation>La sauvegarde quotidienne n’a pas pu être faite (%1)</translation>
    </message>
    <message>
        <source>The disk was full.</source>
        <translation>Le disque était plein.</translation>
    </message>
    <message>
        <source>The backup folder was not available (a drive that was not plugged in?).</source>
        <translation>Le dossier de sauvegarde n’était pas disponible (un disque non branché&#xa0;?).</translation>
    </message>
    <message>
        <source>It took longer than the time allowed when quitting, and was left unfinished (no partial file is kept).</source>
        <translation>Elle a dépassé le temps accordé à la fermeture et a été interrompue (aucun fichier partiel n’est conservé).</translation>
    </message>
    <message>
        <source>The copy failed its check: your journal itself may be damaged. Keep your existing backups and run “supervision-journal verify”.</source>
        <translation>La copie n’a pas passé la vérification&#xa0;: votre journal lui-même est peut-être endommagé. Conservez vos sauvegardes existantes et lancez «&#xa0;supervision-journal verify&#xa0;».</translation>
    </message>
    <message>
        <source>The backup folder could not be written.</source>
        <translation>Impossible d’écrire dans le dossier de sauvegarde.</translation>
    </message>
    <message>
        <source>Your journal is intact; only this backup is missing. Make one now, or check the backup folder on the Backups page.</source>
        <translation>Votre journal est intact&#xa0;; seule cette sauvegarde manque. Faites-en une maintenant, ou vérifiez le dossier de sauvegarde sur la page Sauvegardes.</translation>
    </message>
</context>
<context>
    <name>BackupHooks</name>
    <message>
        <source>Making a backup before closing…</source>
        <translation>Sauvegarde avant fermeture…</translation>
    </message>
</context>
<context>
    <name>BackupNotices</name>
    <message>
        <source>Your journal is in a folder synced by %1</source>
        <translation>Votre journal est dans un dossier synchronisé par %1</translation>
    </message>
    <message>
        <source>Sync clients copy the journal&apos;s database and its write-ahead log as separate files, at different moments: the copy, or the journal itself when the client writes it back, can be corrupted.</source>
        <translation>Les logiciels de synchronisation copient la base du journal et son journal d’écriture anticipée comme deux fichiers distincts, à des moments différents&#xa0;: la copie, ou le journal lui-même quand le logiciel le réécrit, peut être corrompu.</translation>
    </message>
    <message>
        <source>Your journal is on a network share</source>
        <translation>Votre journal est sur un partage réseau</translation>
    </message>
    <message>
        <source>Network file systems break the locking the journal&apos;s database relies on, and can corrupt it.</source>
        <translation>Les systèmes de fichiers réseau empêchent le verrouillage dont dépend la base du journal, et peuvent la corrompre.</translation>
    </message>
    <message>
        <source>To move it, quit the app and move the folder “%1” to a local folder that is not synced, then start the app with “supervision-journal --vault NEW-FOLDER”; or move it to the default location, “%2”, and start the app as usual.</source>
        <translation>Pour le déplacer, quittez l’application et déplacez le dossier «&#xa0;%1&#xa0;» vers un dossier local non synchronisé, puis lancez l’application avec «&#xa0;supervision-journal --vault NOUVEAU-DOSSIER&#xa0;»&#xa0;; ou déplacez-le à l’emplacement par défaut, «&#xa0;%2&#xa0;», et lancez l’application comme d’habitude.</translation>
    </message>
    <message>
        <source>To move it, quit the app and move the folder “%1” to a local folder that is not synced, then start the app with “supervision-journal --vault NEW-FOLDER”.</source>
        <translation>Pour le déplacer, quittez l’application et déplacez le dossier «&#xa0;%1&#xa0;» vers un dossier local non synchronisé, puis lancez l’application avec «&#xa0;supervision-journal --vault NOUVEAU-DOSSIER&#xa0;».</translation>
    </message>
    <message>
        <source>Backups may go to a synced folder: each one is a single encrypted file.</source>
        <translation>Les sauvegardes peuvent aller dans un dossier synchronisé&#xa0;: chacune est un fichier chiffré unique.</translation>
    </message>
</context>
<context>
    <name>BackupsPage</name>
    <message>
        <source>Backups</source>
        <translation>Sauvegardes</translation>
    </message>
    <message>
        <source>Your journal exists only on this computer. A backup is one encrypted file that opens with your passphrase or recovery code; each one is checked right after it is written. The app makes one when you quit and once a day.</source>
        <translation>Votre journal n’existe que sur cet ordinateur. Une sauvegarde est un fichier chiffré unique qui s’ouvre avec votre phrase de passe ou votre code de récupération&#xa0;; chacune est vérifiée juste après son écriture. L’application en fait une quand vous quittez et une fois par jour.</translation>
    </message>
    <message>
        <source>&amp;Back up now</source>
        <translation>&amp;Sauvegarder maintenant</translation>
    </message>
    <message>
        <source>Backup status</source>
        <translation>État des sauvegardes</translation>
    </message>
    <message>
        <source>A backup opens with the passphrase or recovery code that was valid when it was made, for as long as the file exists. If someone may have learned your passphrase: change it, replace the key (“supervision-journal rotate-key”), make a new backup, then delete the older backups everywhere they are.</source>
        <translation>Une sauvegarde s’ouvre avec la phrase de passe ou le code de récupération valables au moment où elle a été faite, aussi longtemps que le fichier existe. Si quelqu’un a pu apprendre votre phrase de passe&#xa0;: changez-la, remplacez la clé («&#xa0;supervision-journal rotate-key&#xa0;»), faites une nouvelle sauvegarde, puis supprimez les anciennes partout où elles se trouvent.</translation>
    </message>
    <message>
        <source>Backups in this folder</source>
        <translation>Sauvegardes dans ce dossier</translation>
    </message>
    <message>
        <source>Made on</source>
        <translation>Faite le</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Taille</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>Vérification</translation>
    </message>
    <message>
        <source>&amp;Check this backup</source>
        <translation>&amp;Vérifier cette sauvegarde</translation>
    </message>
    <message>
        <source>&amp;Restore…</source>
        <translation>&amp;Restaurer…</translation>
    </message>
    <message>
        <source>Backup folder</source>
        <translation>Dossier de sauvegarde</translation>
    </message>
    <message>
        <source>Any folder works, including a cloud-synced folder (OneDrive, Dropbox, iCloud Drive, Google Drive, Nextcloud) or a USB stick: each backup is a single encrypted file, written completely before it appears, so a sync client never copies half of one. A copy away from this computer is what saves your journal when the computer is lost or its disk dies.</source>
        <translation>N’importe quel dossier convient, y compris un dossier synchronisé dans le cloud (OneDrive, Dropbox, iCloud Drive, Google Drive, Nextcloud) ou une clé USB&#xa0;: chaque sauvegarde est un fichier chiffré unique, écrit entièrement avant d’apparaître, si bien qu’un logiciel de synchronisation n’en copie jamais la moitié. C’est une copie hors de cet ordinateur qui sauve votre journal si l’ordinateur est perdu ou si son disque lâche.</translation>
    </message>
    <message>
        <source>Use the &amp;default folder</source>
        <translation>Utiliser le dossier par &amp;défaut</translation>
    </message>
    <message>
        <source>C&amp;hange folder…</source>
        <translation>&amp;Changer de dossier…</translation>
    </message>
    <message>
        <source>Test a restore</source>
        <translation>Tester une restauration</translation>
    </message>
    <message>
        <source>A backup you have never restored is a hope. Every 90 days, the app asks you to test one: a backup picked at random is opened and checked in full, exactly as a restore would, without changing your journal.</source>
        <translation>Une sauvegarde jamais restaurée n’est qu’un espoir. Tous les 90 jours, l’application vous propose d’en tester une&#xa0;: une sauvegarde choisie au hasard est ouverte et vérifiée entièrement, exactement comme lors d’une restauration, sans modifier votre journal.</translation>
    </message>
    <message>
        <source>&amp;Test a restore now</source>
        <translation>&amp;Tester une restauration</translation>
    </message>
    <message>
        <source>This folder is not available now (a drive that is not plugged in?). Backups resume when it is back.</source>
        <translation>Ce dossier n’est pas disponible pour l’instant (un disque non branché&#xa0;?). Les sauvegardes reprendront à son retour.</translation>
    </message>
    <message>
        <source>This folder is synced by %1: every backup also goes there, encrypted. Good: a copy away from this computer.</source>
        <translation>Ce dossier est synchronisé par %1&#xa0;: chaque sauvegarde y part aussi, chiffrée. Très bien&#xa0;: une copie hors de cet ordinateur.</translation>
    </message>
    <message>
        <source>This folder is on a network share: good, a copy away from this computer.</source>
        <translation>Ce dossier est sur un partage réseau&#xa0;: très bien, une copie hors de cet ordinateur.</translation>
    </message>
    <message>
        <source>This folder is on a removable drive: backups are made while it is plugged in. Keep the drive away from the computer.</source>
        <translation>Ce dossier est sur un disque amovible&#xa0;: les sauvegardes se font quand il est branché. Rangez le disque loin de l’ordinateur.</translation>
    </message>
    <message>
        <source>The default folder is on the same disk as your journal.</source>
        <translation>Le dossier par défaut est sur le même disque que votre journal.</translation>
    </message>
    <message>
        <source>This folder is on the same disk as your journal.</source>
        <translation>Ce dossier est sur le même disque que votre journal.</translation>
    </message>
    <message>
        <source>That protects against a damaged file, not against a lost computer or a dead disk: choose a USB stick or a synced folder, or copy backups there too.</source>
        <translation>Cela protège d’un fichier endommagé, pas d’un ordinateur perdu ni d’un disque hors d’usage&#xa0;: choisissez une clé USB ou un dossier synchronisé, ou copiez-y aussi les sauvegardes.</translation>
    </message>
    <message>
        <source>This folder is on another disk than your journal.</source>
        <translation>Ce dossier est sur un autre disque que votre journal.</translation>
    </message>
    <message>
        <source>No restore has been tested yet.</source>
        <translation>Aucune restauration n’a encore été testée.</translation>
    </message>
    <message>
        <source>Last restore test: %1.</source>
        <translation>Dernier test de restauration&#xa0;: %1.</translation>
    </message>
    <message>
        <source>It is time to test one.</source>
        <translation>Il est temps d’en tester une.</translation>
    </message>
    <message>
        <source>Verified on %1</source>
        <translation>Vérifiée le %1</translation>
    </message>
    <message>
        <source>Not checked here yet</source>
        <translation>Pas encore vérifiée ici</translation>
    </message>
    <message>
        <source>The backup folder is not available (a drive that is not plugged in?).</source>
        <translation>Le dossier de sauvegarde n’est pas disponible (un disque non branché&#xa0;?).</translation>
    </message>
    <message>
        <source>The backup folder cannot be read: %1</source>
        <translation>Impossible de lire le dossier de sauvegarde&#xa0;: %1</translation>
    </message>
    <message>
        <source>No backup of this journal in this folder yet.</source>
        <translation>Aucune sauvegarde de ce journal dans ce dossier pour le moment.</translation>
    </message>
    <message numerus="yes">
        <source>%n backups of another journal are in this folder too; they are left alone.</source>
        <translation>
            <numerusform>%n sauvegarde d’un autre journal se trouve aussi dans ce dossier&#xa0;; elle n’est pas touchée.</numerusform>
            <numerusform>%n sauvegardes d’un autre journal se trouvent aussi dans ce dossier&#xa0;; elles ne sont pas touchées.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>This backup failed its check (%n problems): it cannot be restored. Use another backup, and check the drive it is on.</source>
        <translation>
            <numerusform>Cette sauvegarde n’a pas passé la vérification (%n problème)&#xa0;: elle ne peut pas être restaurée. Utilisez une autre sauvegarde, et vérifiez le disque qui la contient.</numerusform>
            <numerusform>Cette sauvegarde n’a pas passé la vérification (%n problèmes)&#xa0;: elle ne peut pas être restaurée. Utilisez une autre sauvegarde, et vérifiez le disque qui la contient.</numerusform>
        </translation>
    </message>
    <message>
        <source>No backup yet.</source>
        <translation>Aucune sauvegarde pour le moment.</translation>
    </message>
    <message>
        <source>Last backup: %1, verified.</source>
        <translation>Dernière sauvegarde&#xa0;: %1, vérifiée.</translation>
    </message>
    <message>
        <source>Last backup: %1.</source>
        <translation>Dernière sauvegarde&#xa0;: %1.</translation>
    </message>
    <message>
        <source>Writing and checking a backup…</source>
        <translation>Écriture et vérification d’une sauvegarde…</translation>
    </message>
    <message>
        <source>Checking the backup…</source>
        <translation>Vérification de la sauvegarde…</translation>
    </message>
    <message>
        <source>Testing a restore: opening and checking a backup picked at random…</source>
        <translation>Test de restauration&#xa0;: ouverture et vérification d’une sauvegarde choisie au hasard…</translation>
    </message>
    <message>
        <source>Restoring the backup into a new folder…</source>
        <translation>Restauration de la sauvegarde dans un nouveau dossier…</translation>
    </message>
    <message>
        <source>Choose the backup folder</source>
        <translation>Choisir le dossier de sauvegarde</translation>
    </message>
    <message>
        <source>Choose a folder outside the journal&apos;s own folder: a restore replaces what is there.</source>
        <translation>Choisissez un dossier en dehors de celui du journal&#xa0;: une restauration remplace ce qui s’y trouve.</translation>
    </message>
    <message>
        <source>Needs the passphrase of its time</source>
        <translation>Demande la phrase de passe de l’époque</translation>
    </message>
    <message>
        <source>Damaged: cannot be restored</source>
        <translation>Endommagée&#xa0;: impossible à restaurer</translation>
    </message>
    <message>
        <source>clients: %1, sessions: %2</source>
        <translation>clients&#xa0;: %1, séances&#xa0;: %2</translation>
    </message>
    <message>
        <source>Backup written and verified (%1). Older backups were thinned out: 7 daily, 4 weekly, 12 monthly are kept.</source>
        <translation>Sauvegarde écrite et vérifiée (%1). Les anciennes sauvegardes ont été triées&#xa0;: 7 quotidiennes, 4 hebdomadaires et 12 mensuelles sont conservées.</translation>
    </message>
    <message>
        <source>The backup of %1 passed its check: it can be restored (%2).</source>
        <translation>La sauvegarde du %1 a passé la vérification&#xa0;: elle peut être restaurée (%2).</translation>
    </message>
    <message>
        <source>Restore test passed: the backup of %1, picked at random, opens and is complete (%2). The next test is due in 90 days.</source>
        <translation>Test de restauration réussi&#xa0;: la sauvegarde du %1, choisie au hasard, s’ouvre et est complète (%2). Prochain test dans 90 jours.</translation>
    </message>
    <message>
        <source>Restored into “%1”. Your journal was not changed. To open the copy, quit and start the app with: supervision-journal --vault “%1”</source>
        <translation>Restaurée dans «&#xa0;%1&#xa0;». Votre journal n’a pas été modifié. Pour ouvrir la copie, quittez puis lancez l’application avec&#xa0;: supervision-journal --vault «&#xa0;%1&#xa0;»</translation>
    </message>
    <message>
        <source>The backup was not made.</source>
        <translation>La sauvegarde n’a pas été faite.</translation>
    </message>
    <message>
        <source>The backup could not be checked.</source>
        <translation>La sauvegarde n’a pas pu être vérifiée.</translation>
    </message>
    <message>
        <source>The restore test could not be done.</source>
        <translation>Le test de restauration n’a pas pu être fait.</translation>
    </message>
    <message>
        <source>Nothing was restored.</source>
        <translation>Rien n’a été restauré.</translation>
    </message>
    <message>
        <source>The backup folder is not available: plug in its drive, or choose another folder.</source>
        <translation>Le dossier de sauvegarde n’est pas disponible&#xa0;: branchez son disque, ou choisissez un autre dossier.</translation>
    </message>
    <message>
        <source>The disk is full. Free some space or choose another folder; earlier backups are intact.</source>
        <translation>Le disque est plein. Libérez de la place ou choisissez un autre dossier&#xa0;; les sauvegardes précédentes sont intactes.</translation>
    </message>
    <message>
        <source>The passphrase or recovery code does not open this backup: it needs the one that was valid when the backup was made.</source>
        <translation>La phrase de passe ou le code de récupération n’ouvre pas cette sauvegarde&#xa0;: il faut celle ou celui qui était valable quand elle a été faite.</translation>
    </message>
    <message>
        <source>This backup opens only with the passphrase valid when it was made (it was made before the journal&apos;s key was replaced). Check it with: supervision-journal verify FILE</source>
        <translation>Cette sauvegarde ne s’ouvre qu’avec la phrase de passe valable quand elle a été faite (avant le remplacement de la clé du journal). Vérifiez-la avec&#xa0;: supervision-journal verify FICHIER</translation>
    </message>
    <message>
        <source>The copy failed its check: your journal itself may be damaged. Keep your existing backups and run “supervision-journal verify”.</source>
        <translation>La copie n’a pas passé la vérification&#xa0;: votre journal lui-même est peut-être endommagé. Conservez vos sauvegardes existantes et lancez «&#xa0;supervision-journal verify&#xa0;».</translation>
    </message>
    <message>
        <source>The file is damaged or incomplete. Use another backup.</source>
        <translation>Le fichier est endommagé ou incomplet. Utilisez une autre sauvegarde.</translation>
    </message>
    <message>
        <source>An unexpected problem stopped it (error id %1).</source>
        <translation>Un problème inattendu l’a interrompue (code d’erreur %1).</translation>
    </message>
</context>
<context>
    <name>CasePresentation</name>
    <message>
        <source>My question for supervision</source>
        <translation>Ma question pour la supervision</translation>
    </message>
    <message>
        <source>Brief context</source>
        <translation>Contexte en bref</translation>
    </message>
    <message>
        <source>What I understand</source>
        <translation>Ce que je comprends</translation>
    </message>
    <message>
        <source>My interventions</source>
        <translation>Mes interventions</translation>
    </message>
    <message>
        <source>Relationship and countertransference</source>
        <translation>Relation et contre-transfert</translation>
    </message>
    <message>
        <source>Risk and ethics</source>
        <translation>Risques et éthique</translation>
    </message>
    <message>
        <source>One clear ask: about risk, theory, technique, ethics or my own reaction? If none comes, what makes it hard to ask?</source>
        <translation>Une demande claire&#xa0;: sur un risque, la théorie, la technique, l’éthique ou ma propre réaction&#xa0;? Si rien ne vient, qu’est-ce qui rend la demande difficile&#xa0;?</translation>
    </message>
    <message>
        <source>Age band, broad situation, how the work began, the contract, how many sessions so far. No names, places or dates.</source>
        <translation>Tranche d’âge, situation générale, début de l’accompagnement, contrat, nombre de séances à ce jour. Ni noms, ni lieux, ni dates.</translation>
    </message>
    <message>
        <source>My hypotheses, the model I use, what keeps the difficulty going.</source>
        <translation>Mes hypothèses, le modèle que j’utilise, ce qui entretient la difficulté.</translation>
    </message>
    <message>
        <source>What I have tried, with what intent, and what helped or stuck.</source>
        <translation>Ce que j’ai tenté, dans quelle intention, ce qui a aidé ou bloqué.</translation>
    </message>
    <message>
        <source>The alliance, transference, what I feel with this client, any parallel process.</source>
        <translation>L’alliance, le transfert, ce que je ressens avec ce client, un éventuel processus parallèle.</translation>
    </message>
    <message>
        <source>Safety and safeguarding, boundaries, limits of my competence, anything that drifts towards a medical act.</source>
        <translation>Sécurité et protection, limites du cadre, limites de ma compétence, tout ce qui glisse vers un acte médical.</translation>
    </message>
</context>
<context>
    <name>ChartsPatterns</name>
    <message>
        <source>Session</source>
        <translation>Séance</translation>
    </message>
</context>
<context>
    <name>ClientDialog</name>
    <message>
        <source>New client</source>
        <translation>Nouveau client</translation>
    </message>
    <message>
        <source>Edit client</source>
        <translation>Modifier le client</translation>
    </message>
    <message>
        <source>Use a pseudonym, not the client&apos;s name. Names and other identifying details go in Identity details, which stay hidden until you reveal them and never leave the vault.</source>
        <translation>Utilisez un pseudonyme, pas le nom du client. Les noms et autres éléments identifiants vont dans les données d’identité, masquées jusqu’à ce que vous les affichiez, et qui ne quittent jamais le coffre.</translation>
    </message>
    <message>
        <source>Pseudonym</source>
        <translation>Pseudonyme</translation>
    </message>
    <message>
        <source>Client tags</source>
        <translation>Étiquettes du client</translation>
    </message>
    <message>
        <source>Optional, separated by commas</source>
        <translation>Facultatif, séparées par des virgules</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Erreur</translation>
    </message>
    <message>
        <source>&amp;Pseudonym</source>
        <translation>&amp;Pseudonyme</translation>
    </message>
    <message>
        <source>&amp;Tags</source>
        <translation>&amp;Étiquettes</translation>
    </message>
    <message>
        <source>Add client</source>
        <translation>Ajouter le client</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Enregistrer</translation>
    </message>
</context>
<context>
    <name>ClientListModel</name>
    <message>
        <source>Client</source>
        <translation>Client</translation>
    </message>
    <message>
        <source>Sessions</source>
        <translation>Séances</translation>
    </message>
    <message>
        <source>Last session</source>
        <translation>Dernière séance</translation>
    </message>
    <message numerus="yes">
        <source>Sessions: %n</source>
        <translation>
            <numerusform>Séance&#xa0;: %n</numerusform>
            <numerusform>Séances&#xa0;: %n</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ClientsPanel</name>
    <message>
        <source>Clients</source>
        <translation>Clients</translation>
    </message>
    <message>
        <source>Filter clients</source>
        <translation>Filtrer les clients</translation>
    </message>
    <message>
        <source>Filter clients by pseudonym</source>
        <translation>Filtrer les clients par pseudonyme</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Actifs</translation>
    </message>
    <message>
        <source>Show active clients</source>
        <translation>Afficher les clients actifs</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>Terminés</translation>
    </message>
    <message>
        <source>Show closed clients</source>
        <translation>Afficher les accompagnements terminés</translation>
    </message>
    <message>
        <source>No clients yet — add one with Ctrl+Shift+N</source>
        <translation>Aucun client — ajoutez-en un avec Ctrl+Maj+N</translation>
    </message>
    <message>
        <source>Add a client</source>
        <translation>Ajouter un client</translation>
    </message>
    <message>
        <source>No client matches this filter.</source>
        <translation>Aucun client ne correspond à ce filtre.</translation>
    </message>
    <message>
        <source>No closed clients.</source>
        <translation>Aucun accompagnement terminé.</translation>
    </message>
    <message>
        <source>No active clients — add one with Ctrl+Shift+N</source>
        <translation>Aucun client actif — ajoutez-en un avec Ctrl+Maj+N</translation>
    </message>
</context>
<context>
    <name>CrashDialog</name>
    <message>
        <source>That did not work.</source>
        <translation>Cela n’a pas fonctionné.</translation>
    </message>
    <message>
        <source>Something unexpected happened.</source>
        <translation>Un problème inattendu s’est produit.</translation>
    </message>
    <message>
        <source>Supervision Journal met a problem it did not expect. Everything shown as “Saved” is safe in your journal.

If this happens again, please report error id %1. The report holds no note text.</source>
        <translation>Supervision Journal a rencontré un problème inattendu. Tout ce qui est indiqué comme «&#xa0;Enregistré&#xa0;» est en sécurité dans votre journal.

Si cela se reproduit, merci de signaler le code d’erreur %1. Le rapport ne contient aucun texte de note.</translation>
    </message>
</context>
<context>
    <name>CustomProfileDialog</name>
    <message>
        <source>My own renewal rules</source>
        <translation>Mes propres règles de renouvellement</translation>
    </message>
    <message>
        <source>Describe your body&apos;s rules (or your own) in TOML: cycle, categories of activities and requirements. The keys are explained in the user guide (docs/profiles.md). Start from a shipped profile to copy its structure.</source>
        <translation>Décrivez les règles de votre organisme (ou les vôtres) en TOML&#xa0;: cycle, catégories d’activités et exigences. Les clés sont expliquées dans le guide (docs/profiles.md). Partez d’un profil fourni pour reprendre sa structure.</translation>
    </message>
    <message>
        <source>Start from a shipped profile</source>
        <translation>Partir d’un profil fourni</translation>
    </message>
    <message>
        <source>Start from…</source>
        <translation>Partir de…</translation>
    </message>
    <message>
        <source>Profile in TOML</source>
        <translation>Profil en TOML</translation>
    </message>
    <message>
        <source>Check of the profile</source>
        <translation>Vérification du profil</translation>
    </message>
    <message>
        <source>Back to the &amp;example</source>
        <translation>Revenir à l’&amp;exemple</translation>
    </message>
    <message>
        <source>Not valid yet: %1</source>
        <translation>Pas encore valide&#xa0;: %1</translation>
    </message>
    <message numerus="yes">
        <source>cycles of %n months</source>
        <translation>
            <numerusform>cycles de %n mois</numerusform>
            <numerusform>cycles de %n mois</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Valid: “%1”, %n requirements, %2.</source>
        <translation>
            <numerusform>Valide&#xa0;: «&#xa0;%1&#xa0;», %n exigence, %2.</numerusform>
            <numerusform>Valide&#xa0;: «&#xa0;%1&#xa0;», %n exigences, %2.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CustomPromptDialog</name>
    <message>
        <source>Add my own prompt</source>
        <translation>Ajouter ma propre piste</translation>
    </message>
    <message>
        <source>Framework</source>
        <translation>Cadre de référence</translation>
    </message>
    <message>
        <source>Short title</source>
        <translation>Titre court</translation>
    </message>
    <message>
        <source>A few words for the list</source>
        <translation>Quelques mots pour la liste</translation>
    </message>
    <message>
        <source>Question</source>
        <translation>Question</translation>
    </message>
    <message>
        <source>The question, as you would ask yourself</source>
        <translation>La question, telle que vous vous la poseriez</translation>
    </message>
    <message>
        <source>Hint (optional)</source>
        <translation>Indication (facultatif)</translation>
    </message>
    <message>
        <source>Why this question helps (optional)</source>
        <translation>En quoi cette question aide (facultatif)</translation>
    </message>
    <message>
        <source>&amp;Framework</source>
        <translation>&amp;Cadre</translation>
    </message>
    <message>
        <source>&amp;Title</source>
        <translation>&amp;Titre</translation>
    </message>
    <message>
        <source>&amp;Question</source>
        <translation>&amp;Question</translation>
    </message>
    <message>
        <source>&amp;Hint</source>
        <translation>&amp;Indication</translation>
    </message>
    <message>
        <source>Give the prompt a title and a question.</source>
        <translation>Donnez un titre et une question à la piste.</translation>
    </message>
    <message>
        <source>This prompt could not be saved. Check its title and question.</source>
        <translation>Cette piste n’a pas pu être enregistrée. Vérifiez son titre et sa question.</translation>
    </message>
</context>
<context>
    <name>Dashboard</name>
    <message>
        <source>Renewal profile</source>
        <translation>Profil de renouvellement</translation>
    </message>
    <message>
        <source>A date on which one of your cycles began</source>
        <translation>Une date de début de l’un de vos cycles</translation>
    </message>
    <message>
        <source>Any date on which one of your renewal cycles began, e.g. your registration or last renewal date. Cycles follow each other from it.</source>
        <translation>N’importe quelle date de début de l’un de vos cycles de renouvellement, p. ex. votre date d’inscription ou de dernier renouvellement. Les cycles se suivent à partir d’elle.</translation>
    </message>
    <message>
        <source>&amp;Bodies I follow…</source>
        <translation>&amp;Organismes suivis…</translation>
    </message>
    <message>
        <source>My own &amp;rules…</source>
        <translation>Mes propres &amp;règles…</translation>
    </message>
    <message>
        <source>&amp;Profile</source>
        <translation>&amp;Profil</translation>
    </message>
    <message>
        <source>&amp;Cycles begin on</source>
        <translation>Début des &amp;cycles</translation>
    </message>
    <message>
        <source>&amp;Show these entries</source>
        <translation>&amp;Afficher ces entrées</translation>
    </message>
    <message>
        <source>No renewal profile</source>
        <translation>Aucun profil de renouvellement</translation>
    </message>
    <message>
        <source>The cycle has not begun yet.</source>
        <translation>Le cycle n’a pas encore commencé.</translation>
    </message>
    <message>
        <source>Current cycle: %1 to %2. %3</source>
        <translation>Cycle en cours&#xa0;: du %1 au %2. %3</translation>
    </message>
    <message>
        <source>Figures checked on %1. Source: %2. Check the body&apos;s current rules before relying on them.</source>
        <translation>Chiffres vérifiés le %1. Source&#xa0;: %2. Vérifiez les règles en vigueur de l’organisme avant de vous y fier.</translation>
    </message>
    <message>
        <source>Hours logged per month, %1 to %2 (client practice not shown)</source>
        <translation>Heures enregistrées par mois, %1 – %2 (pratique auprès des clients non affichée)</translation>
    </message>
    <message>
        <source>Hours logged per month</source>
        <translation>Heures enregistrées par mois</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 sur %2</translation>
    </message>
    <message>
        <source>no figure set</source>
        <translation>aucun chiffre fixé</translation>
    </message>
    <message>
        <source>met</source>
        <translation>atteint</translation>
    </message>
    <message numerus="yes">
        <source>%n days left.</source>
        <translation>
            <numerusform>%n jour restant.</numerusform>
            <numerusform>%n jours restants.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n group or peer entries in this cycle have no group size. They count for nothing under these rules until you add the number of supervisees (not counting the supervisor).</source>
        <translation>
            <numerusform>%n entrée de groupe ou d’intervision de ce cycle n’a pas de taille de groupe. Elle ne compte pas selon ces règles tant que vous n’indiquez pas le nombre de supervisés (sans compter le superviseur).</numerusform>
            <numerusform>%n entrées de groupe ou d’intervision de ce cycle n’ont pas de taille de groupe. Elles ne comptent pas selon ces règles tant que vous n’indiquez pas le nombre de supervisés (sans compter le superviseur).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n activities</source>
        <translation>
            <numerusform>%n activité</numerusform>
            <numerusform>%n activités</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n months met</source>
        <translation>
            <numerusform>%1 sur %n mois atteint</numerusform>
            <numerusform>%1 sur %n mois atteints</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n quarters met</source>
        <translation>
            <numerusform>%1 sur %n trimestre atteint</numerusform>
            <numerusform>%1 sur %n trimestres atteints</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n years met</source>
        <translation>
            <numerusform>%1 sur %n année atteinte</numerusform>
            <numerusform>%1 sur %n années atteintes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>needs %n different months (%1 so far)</source>
        <translation>
            <numerusform>%n mois requis (%1 jusqu’ici)</numerusform>
            <numerusform>%n mois différents requis (%1 jusqu’ici)</numerusform>
        </translation>
    </message>
    <message>
        <source>not met</source>
        <translation>non atteint</translation>
    </message>
    <message>
        <source>not yet</source>
        <translation>pas encore</translation>
    </message>
    <message>
        <source>%1 to go</source>
        <translation>encore %1</translation>
    </message>
    <message>
        <source>%1 to %2</source>
        <translation>%1 – %2</translation>
    </message>
    <message>
        <source>Q%1 %2</source>
        <translation>T%1 %2</translation>
    </message>
    <message>
        <source>%1: %2 of %3, %4 needed</source>
        <translation>%1&#xa0;: %2 (%3) pour un minimum de %4</translation>
    </message>
    <message>
        <source>%1: %2 counted, %4 needed</source>
        <translation>%1&#xa0;: %2 pour un minimum de %4</translation>
    </message>
    <message>
        <source>Earlier periods that also fell short: %1.</source>
        <translation>Périodes précédentes également insuffisantes&#xa0;: %1.</translation>
    </message>
    <message>
        <source>%1 (in progress): %2 so far, %3 needed</source>
        <translation>%1 (en cours)&#xa0;: %2 jusqu’ici pour un minimum de %3</translation>
    </message>
    <message>
        <source>Not required (a documented break, or no client work): %1.</source>
        <translation>Non exigé (interruption documentée, ou aucune activité auprès de clients)&#xa0;: %1.</translation>
    </message>
    <message>
        <source>Group or peer entries without a group size, in the current cycle.</source>
        <translation>Entrées de groupe ou d’intervision sans taille de groupe, dans le cycle en cours.</translation>
    </message>
</context>
<context>
    <name>Demo</name>
    <message>
        <source>Demo vault — fictional data</source>
        <translation>Coffre de démonstration — données fictives</translation>
    </message>
</context>
<context>
    <name>DemoLoader</name>
    <message>
        <source>Opening the demo journal…</source>
        <translation>Ouverture du journal de démonstration…</translation>
    </message>
    <message>
        <source>The demo journal holds fictional clients only. Its passphrase is “demo”.</source>
        <translation>Le journal de démonstration ne contient que des clients fictifs. Sa phrase de passe est «&#xa0;demo&#xa0;».</translation>
    </message>
    <message>
        <source>The demo journal could not be opened: %1</source>
        <translation>Le journal de démonstration n’a pas pu être ouvert&#xa0;: %1</translation>
    </message>
    <message>
        <source>The demo journal could not be opened because of an unexpected problem (error id %1).</source>
        <translation>Le journal de démonstration n’a pas pu être ouvert à cause d’un problème inattendu (code d’erreur %1).</translation>
    </message>
</context>
<context>
    <name>Duration</name>
    <message>
        <source>%1 h %2</source>
        <translation>%1 h %2</translation>
    </message>
    <message>
        <source>%1 h</source>
        <translation>%1 h</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 min</translation>
    </message>
</context>
<context>
    <name>EraseDialog</name>
    <message>
        <source>Erase a client</source>
        <translation>Effacer un client</translation>
    </message>
    <message>
        <source>Erasing removes this client and everything about them from the journal: sessions, notes, approvals, reflections, identity details and search entries. It cannot be undone.</source>
        <translation>L’effacement retire du journal ce client et tout ce qui le concerne&#xa0;: séances, notes, approbations, réflexions, données d’identité et entrées de recherche. C’est irréversible.</translation>
    </message>
    <message>
        <source>It will remove: %1</source>
        <translation>Éléments à supprimer — %1</translation>
    </message>
    <message>
        <source>Anonymise instead: keep my own reflections, with everything that identifies the client removed</source>
        <translation>Anonymiser plutôt&#xa0;: garder mes propres réflexions, sans rien qui identifie le client</translation>
    </message>
    <message>
        <source>Backups made before the erasure still hold this client&apos;s data until they rotate out.</source>
        <translation>Les sauvegardes faites avant l’effacement contiennent encore les données de ce client jusqu’à ce que la rotation des sauvegardes les supprime.</translation>
    </message>
    <message numerus="yes">
        <source>Also delete these %n older backups from the backup folder</source>
        <translation>
            <numerusform>Supprimer aussi %n ancienne sauvegarde du dossier de sauvegarde</numerusform>
            <numerusform>Supprimer aussi les %n anciennes sauvegardes du dossier de sauvegarde</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Erase and delete %n backups</source>
        <translation>
            <numerusform>Effacer et supprimer %n sauvegarde</numerusform>
            <numerusform>Effacer et supprimer %n sauvegardes</numerusform>
        </translation>
    </message>
    <message>
        <source>No older backup is in the backup folder.</source>
        <translation>Aucune ancienne sauvegarde dans le dossier de sauvegarde.</translation>
    </message>
    <message>
        <source>Type the client&apos;s pseudonym to confirm:</source>
        <translation>Saisissez le pseudonyme du client pour confirmer&#xa0;:</translation>
    </message>
    <message>
        <source>Erase</source>
        <translation>Effacer</translation>
    </message>
    <message>
        <source>This is not the client&apos;s pseudonym, typed exactly. Nothing was erased.</source>
        <translation>Ce n’est pas le pseudonyme exact du client. Rien n’a été effacé.</translation>
    </message>
    <message>
        <source>The erasure failed. Nothing was erased.</source>
        <translation>L’effacement a échoué. Rien n’a été effacé.</translation>
    </message>
</context>
<context>
    <name>EvidenceViewer</name>
    <message>
        <source>Evidence</source>
        <translation>Justificatif</translation>
    </message>
    <message>
        <source>&amp;Save a copy…</source>
        <translation>&amp;Enregistrer une copie…</translation>
    </message>
    <message>
        <source>Save a copy</source>
        <translation>Enregistrer une copie</translation>
    </message>
    <message>
        <source>Attached image</source>
        <translation>Image jointe</translation>
    </message>
    <message>
        <source>Attached PDF</source>
        <translation>PDF joint</translation>
    </message>
    <message>
        <source>This PDF could not be read here (it may be damaged or protected). To try another program, save a copy. The copy is not encrypted: delete it when you no longer need it.</source>
        <translation>Ce PDF ne peut pas être lu ici (il est peut-être endommagé ou protégé). Pour essayer un autre programme, enregistrez-en une copie. La copie n’est pas chiffrée&#xa0;: supprimez-la dès que vous n’en avez plus besoin.</translation>
    </message>
    <message>
        <source>This copy of the application cannot show PDF files itself (its Qt has no PDF module). To read the certificate, save a copy and open it in another program. The copy is not encrypted: it stays readable by anyone with access to this computer until you delete it, and a PDF reader may keep it in its list of recent files.</source>
        <translation>Cette installation de l’application ne peut pas afficher elle-même les PDF (son Qt n’a pas de module PDF). Pour lire l’attestation, enregistrez-en une copie et ouvrez-la dans un autre programme. La copie n’est pas chiffrée&#xa0;: elle reste lisible par toute personne ayant accès à cet ordinateur tant que vous ne l’avez pas supprimée, et un lecteur PDF peut la garder dans sa liste de fichiers récents.</translation>
    </message>
    <message>
        <source>This kind of file cannot be shown inside the application. To read it, save a copy and open it in another program. The copy is not encrypted: delete it when you no longer need it.</source>
        <translation>Ce type de fichier ne peut pas être affiché dans l’application. Pour le lire, enregistrez-en une copie et ouvrez-la dans un autre programme. La copie n’est pas chiffrée&#xa0;: supprimez-la dès que vous n’en avez plus besoin.</translation>
    </message>
    <message>
        <source>Save a copy of the evidence</source>
        <translation>Enregistrer une copie du justificatif</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>Copy saved as %1. It is not encrypted.</source>
        <translation>Copie enregistrée sous %1. Elle n’est pas chiffrée.</translation>
    </message>
</context>
<context>
    <name>ExportLabels</name>
    <message>
        <source>a first name</source>
        <translation>un prénom</translation>
    </message>
    <message>
        <source>a surname</source>
        <translation>un nom de famille</translation>
    </message>
    <message>
        <source>a place</source>
        <translation>un lieu</translation>
    </message>
    <message>
        <source>after a title (Mr, Mme, Dr…)</source>
        <translation>après une civilité (M., Mme, Dr…)</translation>
    </message>
    <message>
        <source>a capitalised word</source>
        <translation>un mot avec majuscule</translation>
    </message>
    <message>
        <source>a word in capitals</source>
        <translation>un mot en capitales</translation>
    </message>
    <message>
        <source>an initial</source>
        <translation>une initiale</translation>
    </message>
    <message>
        <source>one letter away from a registered name</source>
        <translation>à une lettre près d’un nom enregistré</translation>
    </message>
    <message>
        <source>not approved</source>
        <translation>non approuvé</translation>
    </message>
    <message>
        <source>changed since approval</source>
        <translation>modifié depuis l’approbation</translation>
    </message>
    <message>
        <source>private, never shared</source>
        <translation>privé, jamais partagé</translation>
    </message>
    <message>
        <source>approved</source>
        <translation>approuvé</translation>
    </message>
    <message>
        <source>pseudonym</source>
        <translation>pseudonyme</translation>
    </message>
    <message>
        <source>registered identity term</source>
        <translation>terme identifiant enregistré</translation>
    </message>
    <message>
        <source>e-mail address</source>
        <translation>adresse e-mail</translation>
    </message>
    <message>
        <source>web address</source>
        <translation>adresse web</translation>
    </message>
    <message>
        <source>handle</source>
        <translation>identifiant en ligne</translation>
    </message>
    <message>
        <source>phone number</source>
        <translation>numéro de téléphone</translation>
    </message>
    <message>
        <source>social security number</source>
        <translation>numéro de sécurité sociale</translation>
    </message>
    <message>
        <source>bank account (IBAN)</source>
        <translation>compte bancaire (IBAN)</translation>
    </message>
    <message>
        <source>street address</source>
        <translation>adresse postale</translation>
    </message>
    <message>
        <source>postcode</source>
        <translation>code postal</translation>
    </message>
    <message>
        <source>date</source>
        <translation>date</translation>
    </message>
    <message>
        <source>age</source>
        <translation>âge</translation>
    </message>
    <message>
        <source>time of day</source>
        <translation>heure</translation>
    </message>
    <message>
        <source>day of the week</source>
        <translation>jour de la semaine</translation>
    </message>
    <message>
        <source>long number</source>
        <translation>nombre long</translation>
    </message>
    <message>
        <source>possible name, redacted</source>
        <translation>nom possible, masqué</translation>
    </message>
    <message>
        <source>to decide</source>
        <translation>à décider</translation>
    </message>
    <message>
        <source>redacted</source>
        <translation>masqué</translation>
    </message>
    <message>
        <source>kept</source>
        <translation>conservé</translation>
    </message>
</context>
<context>
    <name>ExportPage</name>
    <message>
        <source>Preparing the preview…</source>
        <translation>Préparation de l’aperçu…</translation>
    </message>
    <message>
        <source>Updating the preview…</source>
        <translation>Mise à jour de l’aperçu…</translation>
    </message>
    <message>
        <source>Nothing in this selection is approved for supervision. Approve sections or reflections on the Journal page first.</source>
        <translation>Rien dans cette sélection n’est approuvé pour la supervision. Approuvez d’abord des sections ou des réflexions sur la page Journal.</translation>
    </message>
    <message>
        <source>The preview could not be prepared.</source>
        <translation>L’aperçu n’a pas pu être préparé.</translation>
    </message>
    <message>
        <source>Type a sealing passphrase (twice) on the selection page, or choose not to seal.</source>
        <translation>Saisissez une phrase de passe de chiffrement (deux fois) sur la page de sélection, ou choisissez de ne pas chiffrer.</translation>
    </message>
    <message>
        <source>The two sealing passphrases differ.</source>
        <translation>Les deux phrases de passe de chiffrement diffèrent.</translation>
    </message>
    <message>
        <source>The supervisor&apos;s key is not an age public key (it starts with age1).</source>
        <translation>La clé du superviseur n’est pas une clé publique age (elle commence par age1).</translation>
    </message>
    <message>
        <source>Export for supervision</source>
        <translation>Export pour la supervision</translation>
    </message>
    <message>
        <source>Sealing and writing… (a passphrase takes a few seconds)</source>
        <translation>Chiffrement et écriture… (quelques secondes avec une phrase de passe)</translation>
    </message>
    <message>
        <source>Checking and writing…</source>
        <translation>Vérification et écriture…</translation>
    </message>
    <message>
        <source>The export failed. Nothing was written.</source>
        <translation>L’export a échoué. Rien n’a été écrit.</translation>
    </message>
    <message>
        <source>The file was written, but the export log could not be updated: %1</source>
        <translation>Le fichier a été écrit, mais le registre des exports n’a pas pu être mis à jour&#xa0;: %1</translation>
    </message>
    <message>
        <source>Written: %1. The export is recorded in the export log.</source>
        <translation>Écrit&#xa0;: %1. L’export est consigné dans le registre des exports.</translation>
    </message>
    <message>
        <source>The leak guard stopped the export: nothing was written. %1</source>
        <translation>Le contrôle anti-fuite a arrêté l’export&#xa0;: rien n’a été écrit. %1</translation>
    </message>
    <message>
        <source>Places not listed: %1.</source>
        <translation>Autres occurrences non listées&#xa0;: %1.</translation>
    </message>
    <message>
        <source>a registered name (%1)</source>
        <translation>un nom enregistré (%1)</translation>
    </message>
    <message>
        <source>words from a section you did not approve</source>
        <translation>des mots d’une section que vous n’avez pas approuvée</translation>
    </message>
    <message>
        <source>line %1, column %2: %3</source>
        <translation>ligne %1, colonne %2&#xa0;: %3</translation>
    </message>
</context>
<context>
    <name>Feeling</name>
    <message>
        <source>Urge to rescue</source>
        <translation>Envie de sauver</translation>
    </message>
    <message>
        <source>Boredom</source>
        <translation>Ennui</translation>
    </message>
    <message>
        <source>Irritation</source>
        <translation>Irritation</translation>
    </message>
    <message>
        <source>Attraction</source>
        <translation>Attirance</translation>
    </message>
    <message>
        <source>Fear</source>
        <translation>Peur</translation>
    </message>
    <message>
        <source>Sadness</source>
        <translation>Tristesse</translation>
    </message>
    <message>
        <source>Tenderness</source>
        <translation>Tendresse</translation>
    </message>
    <message>
        <source>Helplessness</source>
        <translation>Impuissance</translation>
    </message>
    <message>
        <source>Confusion</source>
        <translation>Confusion</translation>
    </message>
    <message>
        <source>Anger</source>
        <translation>Colère</translation>
    </message>
    <message>
        <source>Guilt</source>
        <translation>Culpabilité</translation>
    </message>
    <message>
        <source>Pride</source>
        <translation>Fierté</translation>
    </message>
    <message>
        <source>Sleepiness</source>
        <translation>Somnolence</translation>
    </message>
    <message>
        <source>Protectiveness</source>
        <translation>Envie de protéger</translation>
    </message>
    <message>
        <source>slight</source>
        <translation>légère</translation>
    </message>
    <message>
        <source>clear</source>
        <translation>nette</translation>
    </message>
    <message>
        <source>strong</source>
        <translation>forte</translation>
    </message>
</context>
<context>
    <name>FeelingChip</name>
    <message>
        <source>Intensity: %1</source>
        <translation>Intensité&#xa0;: %1</translation>
    </message>
    <message>
        <source>Not felt</source>
        <translation>Non ressenti</translation>
    </message>
</context>
<context>
    <name>FirstRunWizard</name>
    <message>
        <source>Welcome to Supervision Journal</source>
        <translation>Bienvenue dans Supervision Journal</translation>
    </message>
    <message>
        <source>Your notes are kept in an encrypted journal on this computer only. Choose a passphrase to lock it.</source>
        <translation>Vos notes sont conservées dans un journal chiffré, sur cet ordinateur uniquement. Choisissez une phrase de passe pour le verrouiller.</translation>
    </message>
    <message>
        <source>Nobody can reset this passphrase, not even the makers of this app. Next you will get a recovery code: if you forget the passphrase and lose the recovery code, your notes are lost for good.</source>
        <translation>Personne ne peut réinitialiser cette phrase de passe, pas même les auteurs de l’application. Vous allez ensuite recevoir un code de récupération&#xa0;: si vous oubliez la phrase de passe et perdez le code de récupération, vos notes sont perdues pour de bon.</translation>
    </message>
    <message>
        <source>Look around with a &amp;demo vault</source>
        <translation>Découvrir avec un coffre de &amp;démonstration</translation>
    </message>
    <message>
        <source>Opens a separate journal filled with fictional clients; your own journal is not created.</source>
        <translation>Ouvre un journal séparé rempli de clients fictifs&#xa0;; votre propre journal n’est pas créé.</translation>
    </message>
    <message>
        <source>&amp;Create journal</source>
        <translation>&amp;Créer le journal</translation>
    </message>
    <message>
        <source>Your recovery code</source>
        <translation>Votre code de récupération</translation>
    </message>
    <message>
        <source>This code opens your journal if you forget your passphrase. It is shown only this once. Write it down or print it, and keep it somewhere safe, away from this computer.</source>
        <translation>Ce code ouvre votre journal si vous oubliez votre phrase de passe. Il n’est affiché qu’une seule fois. Notez-le ou imprimez-le, et rangez-le en lieu sûr, loin de cet ordinateur.</translation>
    </message>
    <message>
        <source>Recovery code</source>
        <translation>Code de récupération</translation>
    </message>
    <message>
        <source>Letters and digits only: there is no letter O, I or L. Each group ends with a check character that catches typing mistakes.</source>
        <translation>Uniquement des lettres et des chiffres&#xa0;: pas de lettre O, I ni L. Chaque groupe se termine par un caractère de contrôle qui détecte les fautes de frappe.</translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation>&amp;Imprimer…</translation>
    </message>
    <message>
        <source>I have &amp;kept it</source>
        <translation>Je l’ai con&amp;servé</translation>
    </message>
    <message>
        <source>Check your recovery code</source>
        <translation>Vérifiez votre code de récupération</translation>
    </message>
    <message>
        <source>&amp;Show the code again</source>
        <translation>&amp;Revoir le code</translation>
    </message>
    <message>
        <source>&amp;Finish</source>
        <translation>&amp;Terminer</translation>
    </message>
    <message>
        <source>Creating your journal…</source>
        <translation>Création de votre journal…</translation>
    </message>
    <message>
        <source>This takes a few seconds: the key is derived slowly on purpose, so that guessing your passphrase is slow too.</source>
        <translation>Cela prend quelques secondes&#xa0;: la clé est dérivée lentement à dessein, pour que deviner votre phrase de passe soit lent aussi.</translation>
    </message>
    <message>
        <source>The journal could not be created: %1</source>
        <translation>Le journal n’a pas pu être créé&#xa0;: %1</translation>
    </message>
    <message>
        <source>The journal could not be created because of an unexpected problem (error id %1).</source>
        <translation>Le journal n’a pas pu être créé à cause d’un problème inattendu (code d’erreur %1).</translation>
    </message>
    <message>
        <source>Print the recovery code</source>
        <translation>Imprimer le code de récupération</translation>
    </message>
    <message>
        <source>You chose to print to a file. Anyone who gets this file can open your journal with it. Print on paper instead, or keep the file off this computer.</source>
        <translation>Vous avez choisi d’imprimer dans un fichier. Toute personne qui obtient ce fichier peut ouvrir votre journal. Imprimez plutôt sur papier, ou gardez le fichier hors de cet ordinateur.</translation>
    </message>
    <message>
        <source>The printer could not be started.</source>
        <translation>L’imprimante n’a pas pu être lancée.</translation>
    </message>
    <message>
        <source>Supervision Journal — recovery code</source>
        <translation>Supervision Journal — code de récupération</translation>
    </message>
    <message>
        <source>This code opens your journal if you forget your passphrase. Keep this sheet somewhere safe, away from your computer.</source>
        <translation>Ce code ouvre votre journal si vous oubliez votre phrase de passe. Rangez cette feuille en lieu sûr, loin de votre ordinateur.</translation>
    </message>
    <message>
        <source>To use it: on the unlock screen choose “Use recovery code”.</source>
        <translation>Pour l’utiliser&#xa0;: sur l’écran de déverrouillage, choisissez «&#xa0;Utiliser le code de récupération&#xa0;».</translation>
    </message>
    <message>
        <source>To make sure you kept it, type groups %1 and %2 of your recovery code.</source>
        <translation>Pour vérifier que vous l’avez conservé, saisissez les groupes %1 et %2 de votre code de récupération.</translation>
    </message>
    <message>
        <source>Group &amp;%1:</source>
        <translation>Groupe &amp;%1&#xa0;:</translation>
    </message>
    <message>
        <source>Group %1</source>
        <translation>Groupe %1</translation>
    </message>
    <message>
        <source>Both groups are right.</source>
        <translation>Les deux groupes sont corrects.</translation>
    </message>
    <message>
        <source>That does not match the code shown. Look again at what you wrote down.</source>
        <translation>Cela ne correspond pas au code affiché. Relisez ce que vous avez noté.</translation>
    </message>
    <message>
        <source>Opening the demo journal…</source>
        <translation>Ouverture du journal de démonstration…</translation>
    </message>
    <message>
        <source>The demo journal holds fictional clients only. Its passphrase is “demo”.</source>
        <translation>Le journal de démonstration ne contient que des clients fictifs. Sa phrase de passe est «&#xa0;demo&#xa0;».</translation>
    </message>
    <message>
        <source>The demo journal could not be opened: %1</source>
        <translation>Le journal de démonstration n’a pas pu être ouvert&#xa0;: %1</translation>
    </message>
    <message>
        <source>The demo journal could not be opened because of an unexpected problem (error id %1).</source>
        <translation>Le journal de démonstration n’a pas pu être ouvert à cause d’un problème inattendu (code d’erreur %1).</translation>
    </message>
    <message>
        <source>Your journal is created, but the recovery code will not be shown again. Close anyway?</source>
        <translation>Votre journal est créé, mais le code de récupération ne sera plus affiché. Fermer quand même&#xa0;?</translation>
    </message>
</context>
<context>
    <name>FollowDialog</name>
    <message>
        <source>Bodies I follow</source>
        <translation>Organismes suivis</translation>
    </message>
    <message>
        <source>Tick the renewal rules you follow. A practitioner registered with two bodies can follow both; the dashboard switches between them.</source>
        <translation>Cochez les règles de renouvellement que vous suivez. Un praticien inscrit auprès de deux organismes peut suivre les deux&#xa0;; le tableau de bord passe de l’un à l’autre.</translation>
    </message>
    <message>
        <source>Renewal profiles</source>
        <translation>Profils de renouvellement</translation>
    </message>
    <message>
        <source>%1 — figures checked on %2</source>
        <translation>%1 — chiffres vérifiés le %2</translation>
    </message>
</context>
<context>
    <name>HoursChart</name>
    <message>
        <source>Hours per month by kind</source>
        <translation>Heures par mois et par type</translation>
    </message>
</context>
<context>
    <name>HoursLabels</name>
    <message>
        <source>Supervision received</source>
        <translation>Supervision reçue</translation>
    </message>
    <message>
        <source>Supervision given</source>
        <translation>Supervision donnée</translation>
    </message>
    <message>
        <source>Mentor coaching</source>
        <translation>Mentor coaching</translation>
    </message>
    <message>
        <source>Training, course, workshop</source>
        <translation>Formation, cours, atelier</translation>
    </message>
    <message>
        <source>Conference</source>
        <translation>Conférence, colloque</translation>
    </message>
    <message>
        <source>Webinar</source>
        <translation>Webinaire</translation>
    </message>
    <message>
        <source>Reading</source>
        <translation>Lecture</translation>
    </message>
    <message>
        <source>Self-study, research, writing</source>
        <translation>Travail personnel, recherche, écriture</translation>
    </message>
    <message>
        <source>Personal therapy</source>
        <translation>Thérapie personnelle</translation>
    </message>
    <message>
        <source>Professional activity (committees)</source>
        <translation>Activité professionnelle (instances)</translation>
    </message>
    <message>
        <source>Client practice (hours only)</source>
        <translation>Pratique auprès de clients (heures)</translation>
    </message>
    <message>
        <source>Break in practice</source>
        <translation>Interruption d’activité</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Autre</translation>
    </message>
    <message>
        <source>Individual</source>
        <translation>Individuel</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>Groupe</translation>
    </message>
    <message>
        <source>Peer group</source>
        <translation>Groupe de pairs</translation>
    </message>
    <message>
        <source>Live</source>
        <translation>En direct</translation>
    </message>
    <message>
        <source>Recorded</source>
        <translation>Enregistré</translation>
    </message>
    <message>
        <source>Ethics</source>
        <translation>Éthique</translation>
    </message>
    <message>
        <source>Core competencies (ICF)</source>
        <translation>Compétences clés (ICF)</translation>
    </message>
    <message>
        <source>Resource development (ICF)</source>
        <translation>Développement des ressources (ICF)</translation>
    </message>
    <message>
        <source>CBT skills (BABCP)</source>
        <translation>Compétences TCC (BABCP)</translation>
    </message>
</context>
<context>
    <name>HoursPage</name>
    <message>
        <source>Dashboard</source>
        <translation>Tableau de bord</translation>
    </message>
    <message>
        <source>Ledger</source>
        <translation>Registre</translation>
    </message>
    <message>
        <source>Renewal report</source>
        <translation>Rapport de renouvellement</translation>
    </message>
    <message>
        <source>Hours</source>
        <translation>Heures</translation>
    </message>
</context>
<context>
    <name>IdentityDialog</name>
    <message>
        <source>Identity details</source>
        <translation>Données d’identité</translation>
    </message>
    <message>
        <source>Identity details of %1</source>
        <translation>Données d’identité de %1</translation>
    </message>
    <message>
        <source>Kept apart from the notes and shown only here. Every term is checked before an export: none of them can leave the vault, in any spelling.</source>
        <translation>Conservées à part des notes et affichées uniquement ici. Chaque terme est contrôlé avant un export&#xa0;: aucun ne peut quitter le coffre, quelle que soit son orthographe.</translation>
    </message>
    <message numerus="yes">
        <source>Identifying details stored and hidden: %n</source>
        <translation>
            <numerusform>Élément identifiant enregistré et masqué&#xa0;: %n</numerusform>
            <numerusform>Éléments identifiants enregistrés et masqués&#xa0;: %n</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Reveal</source>
        <translation>&amp;Afficher</translation>
    </message>
    <message>
        <source>Reveal identity details</source>
        <translation>Afficher les données d’identité</translation>
    </message>
    <message>
        <source>Full name</source>
        <translation>Nom complet</translation>
    </message>
    <message>
        <source>Add an alias</source>
        <translation>Ajouter un autre nom</translation>
    </message>
    <message>
        <source>Add an identifying term</source>
        <translation>Ajouter un terme identifiant</translation>
    </message>
    <message>
        <source>&amp;Full name</source>
        <translation>&amp;Nom complet</translation>
    </message>
    <message>
        <source>Aliases</source>
        <translation>Autres noms</translation>
    </message>
    <message>
        <source>Names of relatives, employer, town, school…</source>
        <translation>Noms des proches, employeur, ville, école…</translation>
    </message>
    <message>
        <source>Identifying terms</source>
        <translation>Termes identifiants</translation>
    </message>
</context>
<context>
    <name>IdentityRole</name>
    <message>
        <source>partner</source>
        <translation>conjoint</translation>
    </message>
    <message>
        <source>child</source>
        <translation>enfant</translation>
    </message>
    <message>
        <source>parent</source>
        <translation>parent</translation>
    </message>
    <message>
        <source>sibling</source>
        <translation>frère ou sœur</translation>
    </message>
    <message>
        <source>relative</source>
        <translation>proche</translation>
    </message>
    <message>
        <source>friend</source>
        <translation>ami</translation>
    </message>
    <message>
        <source>employer</source>
        <translation>employeur</translation>
    </message>
    <message>
        <source>school</source>
        <translation>école</translation>
    </message>
    <message>
        <source>town</source>
        <translation>ville</translation>
    </message>
    <message>
        <source>address</source>
        <translation>adresse</translation>
    </message>
    <message>
        <source>other</source>
        <translation>autre</translation>
    </message>
</context>
<context>
    <name>KnownError</name>
    <message>
        <source>$.format: must be &quot;{format}&quot;</source>
        <translation>$.format&#xa0;: doit valoir «&#xa0;{format}&#xa0;»</translation>
    </message>
    <message>
        <source>$.version: this app reads version {version}</source>
        <translation>$.version&#xa0;: cette application lit la version {version}</translation>
    </message>
    <message>
        <source>$: the file is not valid JSON (line {line}, column {column}).</source>
        <translation>$&#xa0;: le fichier n’est pas du JSON valide (ligne {line}, colonne {column}).</translation>
    </message>
    <message>
        <source>$: the file is not valid JSON.</source>
        <translation>$&#xa0;: le fichier n’est pas du JSON valide.</translation>
    </message>
    <message>
        <source>$: the file nests too deeply to be an interchange file.</source>
        <translation>$&#xa0;: le fichier est trop profondément imbriqué pour être un fichier d’échange.</translation>
    </message>
    <message>
        <source>--hours must be between 0 and {hours}</source>
        <translation>--hours doit être compris entre 0 et {hours}</translation>
    </message>
    <message>
        <source>A client is either active or closed.</source>
        <translation>Un client est soit actif, soit clos.</translation>
    </message>
    <message>
        <source>A feeling&apos;s intensity is 1, 2 or 3.</source>
        <translation>L’intensité d’un ressenti vaut 1, 2 ou 3.</translation>
    </message>
    <message>
        <source>A group has at least one member.</source>
        <translation>Un groupe compte au moins un membre.</translation>
    </message>
    <message>
        <source>A journal already exists in that folder.</source>
        <translation>Un journal existe déjà dans ce dossier.</translation>
    </message>
    <message>
        <source>A journal already exists in that folder; choose an empty folder.</source>
        <translation>Un journal existe déjà dans ce dossier&#xa0;; choisissez un dossier vide.</translation>
    </message>
    <message>
        <source>A journal.db already exists here; it was left untouched.</source>
        <translation>Un fichier journal.db existe déjà ici&#xa0;; il n’a pas été modifié.</translation>
    </message>
    <message>
        <source>A passphrase or an age identity is needed to open a sealed file.</source>
        <translation>Il faut une phrase de passe ou une identité age pour ouvrir un fichier chiffré.</translation>
    </message>
    <message>
        <source>A passphrase or recovery code is needed to open this backup.</source>
        <translation>Il faut une phrase de passe ou un code de récupération pour ouvrir cette sauvegarde.</translation>
    </message>
    <message>
        <source>A peer group has 2 or more members.</source>
        <translation>Un groupe de pairs compte au moins 2 membres.</translation>
    </message>
    <message>
        <source>A pseudonym cannot be empty.</source>
        <translation>Un pseudonyme ne peut pas être vide.</translation>
    </message>
    <message>
        <source>A pseudonym cannot contain control characters.</source>
        <translation>Un pseudonyme ne peut pas contenir de caractères de contrôle.</translation>
    </message>
    <message>
        <source>A question is open, discussed or resolved.</source>
        <translation>Une question est en suspens, abordée ou résolue.</translation>
    </message>
    <message>
        <source>A recovery code has {expected} characters in {groups} groups; this one has {length}.</source>
        <translation>Un code de récupération compte {expected} caractères en {groups} groupes&#xa0;; celui-ci en a {length}.</translation>
    </message>
    <message>
        <source>A retention period is a whole number of years from {min} to {max}.</source>
        <translation>Une durée de conservation est un nombre entier d’années, de {min} à {max}.</translation>
    </message>
    <message>
        <source>A session lasts between 0 and 1440 minutes.</source>
        <translation>Une séance dure entre 0 et 1440 minutes.</translation>
    </message>
    <message>
        <source>A supervision lasts between 0 and 1440 minutes.</source>
        <translation>Une supervision dure entre 0 et 1440 minutes.</translation>
    </message>
    <message>
        <source>A vault already exists in {folder}; it was left untouched.</source>
        <translation>Un journal existe déjà dans {folder}&#xa0;; il n’a pas été modifié.</translation>
    </message>
    <message>
        <source>An activity&apos;s duration must be positive (and plausible).</source>
        <translation>La durée d’une activité doit être positive (et plausible).</translation>
    </message>
    <message>
        <source>An erasure or an export is under way; try again in a moment.</source>
        <translation>Un effacement ou un export est en cours&#xa0;; réessayez dans un instant.</translation>
    </message>
    <message>
        <source>An identifying term cannot be empty.</source>
        <translation>Un terme identifiant ne peut pas être vide.</translation>
    </message>
    <message>
        <source>An identifying term cannot contain control characters.</source>
        <translation>Un terme identifiant ne peut pas contenir de caractères de contrôle.</translation>
    </message>
    <message>
        <source>Another client already has this pseudonym.</source>
        <translation>Un autre client porte déjà ce pseudonyme.</translation>
    </message>
    <message>
        <source>Candidates are handled by block, redact or keep.</source>
        <translation>Les noms possibles se traitent par block, redact ou keep.</translation>
    </message>
    <message>
        <source>Cannot read {name}: {reason}.</source>
        <translation>Impossible de lire {name}&#xa0;: {reason}.</translation>
    </message>
    <message>
        <source>Cannot write {name}: {reason}.</source>
        <translation>Impossible d’écrire {name}&#xa0;: {reason}.</translation>
    </message>
    <message>
        <source>Could not write the backup: {reason}.</source>
        <translation>La sauvegarde n’a pas pu être écrite&#xa0;: {reason}.</translation>
    </message>
    <message>
        <source>Could not write the restored copy: {reason}.</source>
        <translation>La copie restaurée n’a pas pu être écrite&#xa0;: {reason}.</translation>
    </message>
    <message>
        <source>Could not write the restored vault: {reason}.</source>
        <translation>Le journal restauré n’a pas pu être écrit&#xa0;: {reason}.</translation>
    </message>
    <message>
        <source>Could not write {name}: {reason}.</source>
        <translation>{name} n’a pas pu être écrit&#xa0;: {reason}.</translation>
    </message>
    <message>
        <source>Custom prompts: entry [{index}]: the id is used twice</source>
        <translation>Pistes personnelles&#xa0;: entrée [{index}]&#xa0;: l’identifiant est utilisé deux fois</translation>
    </message>
    <message>
        <source>Evidence files are limited to 50 MB each.</source>
        <translation>Chaque justificatif est limité à 50 Mo.</translation>
    </message>
    <message>
        <source>Group supervision needs the group size (2 or more).</source>
        <translation>Une supervision de groupe demande la taille du groupe (2 ou plus).</translation>
    </message>
    <message>
        <source>Group {group} of the recovery code has a character that cannot appear in a code.</source>
        <translation>Le groupe {group} du code de récupération contient un caractère qui ne peut pas figurer dans un code.</translation>
    </message>
    <message>
        <source>Group {group} of the recovery code has a typo.</source>
        <translation>Le groupe {group} du code de récupération contient une faute de frappe.</translation>
    </message>
    <message>
        <source>Modality is one of: in person, video, phone.</source>
        <translation>La modalité est l’une de&#xa0;: in person, video, phone.</translation>
    </message>
    <message>
        <source>No client has the pseudonym given as case {number}.</source>
        <translation>Aucun client ne porte le pseudonyme donné comme situation {number}.</translation>
    </message>
    <message>
        <source>No passphrase given.</source>
        <translation>Aucune phrase de passe n’a été donnée.</translation>
    </message>
    <message>
        <source>No shipped profile &apos;{profile}&apos;.</source>
        <translation>Aucun profil fourni ne s’appelle «&#xa0;{profile}&#xa0;».</translation>
    </message>
    <message>
        <source>No vault in {folder}. Create one with &apos;init&apos;.</source>
        <translation>Aucun journal dans {folder}. Créez-en un avec «&#xa0;init&#xa0;».</translation>
    </message>
    <message>
        <source>Nothing is approved for supervision in this selection: approve sections or reflections first.</source>
        <translation>Rien dans cette sélection n’est approuvé pour la supervision&#xa0;: approuvez d’abord des sections ou des réflexions.</translation>
    </message>
    <message>
        <source>Only note sections can be withheld (for example &apos;private&apos;).</source>
        <translation>Seules des sections de notes peuvent être retenues (par exemple «&#xa0;private&#xa0;»).</translation>
    </message>
    <message>
        <source>PDF rendering is not available here.</source>
        <translation>La création de PDF n’est pas disponible ici.</translation>
    </message>
    <message>
        <source>Private notes can never be shared in supervision.</source>
        <translation>Les notes privées ne peuvent jamais être partagées en supervision.</translation>
    </message>
    <message>
        <source>Prompt file {path}: cannot be read ({reason})</source>
        <translation>Fichier de pistes {path}&#xa0;: illisible ({reason})</translation>
    </message>
    <message>
        <source>Prompt file {path}: not found</source>
        <translation>Fichier de pistes {path}&#xa0;: introuvable</translation>
    </message>
    <message>
        <source>Prompt file {path}: not valid JSON (line {line}, column {column})</source>
        <translation>Fichier de pistes {path}&#xa0;: JSON non valide (ligne {line}, colonne {column})</translation>
    </message>
    <message>
        <source>SQLite refused to keep temporary data in memory.</source>
        <translation>SQLite a refusé de garder les données temporaires en mémoire.</translation>
    </message>
    <message>
        <source>Supervision format is individual, group or peer.</source>
        <translation>Le format de supervision est individual, group ou peer.</translation>
    </message>
    <message>
        <source>Template is &apos;standard&apos; or &apos;free&apos;.</source>
        <translation>Le modèle est «&#xa0;standard&#xa0;» ou «&#xa0;free&#xa0;».</translation>
    </message>
    <message>
        <source>The SQLCipher codec is missing from this Python installation: refusing to write an unencrypted vault.</source>
        <translation>Le module de chiffrement SQLCipher manque à cette installation de Python&#xa0;: refus d’écrire un journal non chiffré.</translation>
    </message>
    <message>
        <source>The backup copy failed its check ({problem}); the live vault may be damaged. Nothing was replaced.</source>
        <translation>La copie de sauvegarde n’a pas passé la vérification ({problem})&#xa0;; le journal en service est peut-être endommagé. Rien n’a été remplacé.</translation>
    </message>
    <message>
        <source>The backup failed its check ({problem}); nothing was changed.</source>
        <translation>La sauvegarde n’a pas passé la vérification ({problem})&#xa0;; rien n’a été modifié.</translation>
    </message>
    <message>
        <source>The backup folder is not available.</source>
        <translation>Le dossier de sauvegarde n’est pas disponible.</translation>
    </message>
    <message>
        <source>The backup&apos;s header is damaged.</source>
        <translation>L’en-tête de la sauvegarde est endommagé.</translation>
    </message>
    <message>
        <source>The backup&apos;s key section is damaged.</source>
        <translation>La partie de la sauvegarde qui contient les clés est endommagée.</translation>
    </message>
    <message>
        <source>The closing date is before the client&apos;s last session.</source>
        <translation>La date de clôture précède la dernière séance du client.</translation>
    </message>
    <message>
        <source>The confirmation is not the client&apos;s pseudonym, typed exactly; nothing was erased.</source>
        <translation>La confirmation n’est pas le pseudonyme du client, saisi exactement&#xa0;; rien n’a été effacé.</translation>
    </message>
    <message>
        <source>The demo data is not installed with this copy of the app.</source>
        <translation>Les données de démonstration ne sont pas installées avec cette copie de l’application.</translation>
    </message>
    <message>
        <source>The disk is full: the backup was not written. Nothing else changed.</source>
        <translation>Le disque est plein&#xa0;: la sauvegarde n’a pas été écrite. Rien d’autre n’a changé.</translation>
    </message>
    <message>
        <source>The disk is full: the last change was not saved. Free some space; everything saved before is intact.</source>
        <translation>Le disque est plein&#xa0;: la dernière modification n’a pas été enregistrée. Libérez de la place&#xa0;; tout ce qui a été enregistré avant est intact.</translation>
    </message>
    <message>
        <source>The disk is full: the restored copy was not written. Nothing else changed.</source>
        <translation>Le disque est plein&#xa0;: la copie restaurée n’a pas été écrite. Rien d’autre n’a changé.</translation>
    </message>
    <message>
        <source>The disk is full: the restored vault was not written. Nothing else changed.</source>
        <translation>Le disque est plein&#xa0;: le journal restauré n’a pas été écrit. Rien d’autre n’a changé.</translation>
    </message>
    <message>
        <source>The disk is full: {name} was not changed.</source>
        <translation>Le disque est plein&#xa0;: {name} n’a pas été modifié.</translation>
    </message>
    <message>
        <source>The disk reported an error while reading or writing the vault.</source>
        <translation>Le disque a signalé une erreur pendant la lecture ou l’écriture du journal.</translation>
    </message>
    <message>
        <source>The document language is &apos;en&apos; or &apos;fr&apos;.</source>
        <translation>La langue du document est «&#xa0;en&#xa0;» ou «&#xa0;fr&#xa0;».</translation>
    </message>
    <message>
        <source>The export format is md, html or pdf.</source>
        <translation>Le format d’export est md, html ou pdf.</translation>
    </message>
    <message>
        <source>The file cannot be created there (no permission, or the folder is gone). Nothing was written.</source>
        <translation>Le fichier ne peut pas être créé à cet endroit (pas d’autorisation, ou le dossier n’existe plus). Rien n’a été écrit.</translation>
    </message>
    <message>
        <source>The file cannot be read (missing, or no permission).</source>
        <translation>Le fichier ne peut pas être lu (absent, ou pas d’autorisation).</translation>
    </message>
    <message>
        <source>The file could not be saved (disk full, or no permission). Nothing was written.</source>
        <translation>Le fichier n’a pas pu être enregistré (disque plein, ou pas d’autorisation). Rien n’a été écrit.</translation>
    </message>
    <message>
        <source>The file could not be written completely (is the disk full?). Nothing was written.</source>
        <translation>Le fichier n’a pas pu être écrit entièrement (le disque est-il plein&#xa0;?). Rien n’a été écrit.</translation>
    </message>
    <message>
        <source>The leak guard stopped the export: {count} hit(s), first at {first}. Nothing was written.</source>
        <translation>Le contrôle anti-fuite a arrêté l’export (occurrences&#xa0;: {count}, la première à {first}). Rien n’a été écrit.</translation>
    </message>
    <message>
        <source>The legal basis is &apos;consent&apos; or &apos;care&apos;.</source>
        <translation>La base légale est «&#xa0;consent&#xa0;» ou «&#xa0;care&#xa0;».</translation>
    </message>
    <message>
        <source>The passphrase cannot be empty.</source>
        <translation>La phrase de passe ne peut pas être vide.</translation>
    </message>
    <message>
        <source>The profile is not valid TOML: {reason}.</source>
        <translation>Le profil n’est pas du TOML valide&#xa0;: {reason}.</translation>
    </message>
    <message>
        <source>The restored copy failed its check after re-keying; nothing was changed.</source>
        <translation>La copie restaurée n’a pas passé la vérification après le changement de clé&#xa0;; rien n’a été modifié.</translation>
    </message>
    <message>
        <source>The sealed file does not open: wrong passphrase or key, or the file was damaged or truncated. Nothing was shown.</source>
        <translation>Le fichier chiffré ne s’ouvre pas&#xa0;: phrase de passe ou clé erronée, ou fichier endommagé ou tronqué. Rien n’a été affiché.</translation>
    </message>
    <message>
        <source>The sealed file is damaged. Nothing was shown.</source>
        <translation>Le fichier chiffré est endommagé. Rien n’a été affiché.</translation>
    </message>
    <message>
        <source>The sealing passphrase cannot be empty.</source>
        <translation>La phrase de passe de chiffrement ne peut pas être vide.</translation>
    </message>
    <message>
        <source>The vault could not be upgraded to schema {schema}: its data breaks a rule of the new schema. Nothing was changed; please report it.</source>
        <translation>Le journal n’a pas pu être mis à jour vers le schéma {schema}&#xa0;: ses données enfreignent une règle du nouveau schéma. Rien n’a été modifié&#xa0;; merci de signaler le problème.</translation>
    </message>
    <message>
        <source>The vault could not switch to write-ahead logging.</source>
        <translation>Le journal n’a pas pu passer en journalisation anticipée (WAL).</translation>
    </message>
    <message>
        <source>The vault file cannot be opened (missing folder or no permission).</source>
        <translation>Le fichier du journal ne peut pas être ouvert (dossier absent ou pas d’autorisation).</translation>
    </message>
    <message>
        <source>The vault file is damaged: it cannot be read with its key. Nothing was overwritten; run &apos;verify&apos; or restore a backup.</source>
        <translation>Le fichier du journal est endommagé&#xa0;: il ne peut pas être lu avec sa clé. Rien n’a été écrasé&#xa0;; lancez «&#xa0;verify&#xa0;» ou restaurez une sauvegarde.</translation>
    </message>
    <message>
        <source>The vault file is damaged: some of its pages fail their check. Nothing was overwritten; restore a backup.</source>
        <translation>Le fichier du journal est endommagé&#xa0;: certaines de ses pages ne passent pas la vérification. Rien n’a été écrasé&#xa0;; restaurez une sauvegarde.</translation>
    </message>
    <message>
        <source>The vault folder is read-only: changes cannot be saved.</source>
        <translation>Le dossier du journal est en lecture seule&#xa0;: les modifications ne peuvent pas être enregistrées.</translation>
    </message>
    <message>
        <source>The vault is in use by another Supervision Journal process.</source>
        <translation>Le journal est utilisé par un autre processus de Supervision Journal.</translation>
    </message>
    <message>
        <source>The vault opens with neither the old nor the new key after an interrupted key rotation. Nothing was overwritten; restore a backup.</source>
        <translation>Après un changement de clé interrompu, le journal ne s’ouvre ni avec l’ancienne clé ni avec la nouvelle. Rien n’a été écrasé&#xa0;; restaurez une sauvegarde.</translation>
    </message>
    <message>
        <source>The vault reported an unexpected database error.</source>
        <translation>Le journal a signalé une erreur de base de données inattendue.</translation>
    </message>
    <message>
        <source>The {template} template has no section &apos;{key}&apos;.</source>
        <translation>Le modèle {template} n’a pas de section «&#xa0;{key}&#xa0;».</translation>
    </message>
    <message>
        <source>There is nothing to approve in this reflection yet.</source>
        <translation>Il n’y a encore rien à approuver dans cette réflexion.</translation>
    </message>
    <message>
        <source>There is nothing to approve in this section yet.</source>
        <translation>Il n’y a encore rien à approuver dans cette section.</translation>
    </message>
    <message>
        <source>This activity no longer exists.</source>
        <translation>Cette activité n’existe plus.</translation>
    </message>
    <message>
        <source>This attachment no longer exists.</source>
        <translation>Cette pièce jointe n’existe plus.</translation>
    </message>
    <message>
        <source>This backup does not open with the journal&apos;s current key (another journal&apos;s, or made before the key was replaced): check it with the passphrase valid when it was made.</source>
        <translation>Cette sauvegarde ne s’ouvre pas avec la clé actuelle du journal (elle vient d’un autre journal, ou date d’avant le remplacement de la clé)&#xa0;: vérifiez-la avec la phrase de passe valable au moment où elle a été faite.</translation>
    </message>
    <message>
        <source>This client no longer exists.</source>
        <translation>Ce client n’existe plus.</translation>
    </message>
    <message>
        <source>This entry belongs to a logged supervision session: delete or edit the supervision session instead.</source>
        <translation>Cette entrée appartient à une séance de supervision enregistrée&#xa0;: supprimez ou modifiez plutôt la séance de supervision.</translation>
    </message>
    <message>
        <source>This file is not a sealed export (age format).</source>
        <translation>Ce fichier n’est pas un export chiffré (format age).</translation>
    </message>
    <message>
        <source>This file is too large to be a sealed export.</source>
        <translation>Ce fichier est trop volumineux pour être un export chiffré.</translation>
    </message>
    <message>
        <source>This is not an age public key (it starts with &apos;age1&apos;).</source>
        <translation>Ce n’est pas une clé publique age (elle commence par «&#xa0;age1&#xa0;»).</translation>
    </message>
    <message>
        <source>This recovery code does not open this vault.</source>
        <translation>Ce code de récupération n’ouvre pas ce journal.</translation>
    </message>
    <message>
        <source>This reflection no longer exists.</source>
        <translation>Cette réflexion n’existe plus.</translation>
    </message>
    <message>
        <source>This session has no questions for supervision.</source>
        <translation>Cette séance n’a pas de questions pour la supervision.</translation>
    </message>
    <message>
        <source>This session no longer exists.</source>
        <translation>Cette séance n’existe plus.</translation>
    </message>
    <message>
        <source>This supervision session no longer exists.</source>
        <translation>Cette séance de supervision n’existe plus.</translation>
    </message>
    <message>
        <source>This vault was written by a newer version of Supervision Journal (schema {schema}, this app knows {latest}). Update the app; the vault was not changed.</source>
        <translation>Ce journal a été écrit par une version plus récente de Supervision Journal (schéma {schema}, cette application connaît le {latest}). Mettez l’application à jour&#xa0;; le journal n’a pas été modifié.</translation>
    </message>
    <message>
        <source>Unknown activity field(s): {fields}.</source>
        <translation>Champs d’activité inconnus&#xa0;: {fields}.</translation>
    </message>
    <message>
        <source>Unknown feeling &apos;{feeling}&apos;.</source>
        <translation>Ressenti inconnu «&#xa0;{feeling}&#xa0;».</translation>
    </message>
    <message>
        <source>Unknown full-text index.</source>
        <translation>Index de recherche inconnu.</translation>
    </message>
    <message>
        <source>Unknown kind of activity &apos;{kind}&apos;.</source>
        <translation>Type d’activité inconnu «&#xa0;{kind}&#xa0;».</translation>
    </message>
    <message>
        <source>Unknown kind of identifying term.</source>
        <translation>Type de terme identifiant inconnu.</translation>
    </message>
    <message>
        <source>Unknown kind of question.</source>
        <translation>Type de question inconnu.</translation>
    </message>
    <message>
        <source>Unknown practice detail.</source>
        <translation>Information du cabinet inconnue.</translation>
    </message>
    <message>
        <source>Unknown privacy document.</source>
        <translation>Document de confidentialité inconnu.</translation>
    </message>
    <message>
        <source>Unknown section &apos;{key}&apos;.</source>
        <translation>Section inconnue «&#xa0;{key}&#xa0;».</translation>
    </message>
    <message>
        <source>Unknown supervision field(s): {fields}.</source>
        <translation>Champs de supervision inconnus&#xa0;: {fields}.</translation>
    </message>
    <message>
        <source>Wrong passphrase.</source>
        <translation>Phrase de passe erronée.</translation>
    </message>
    <message>
        <source>a PDF report needs --out FILE</source>
        <translation>un rapport PDF demande --out FICHIER</translation>
    </message>
    <message>
        <source>a vault already exists in {folder}; it was left untouched</source>
        <translation>un journal existe déjà dans {folder}&#xa0;; il n’a pas été modifié</translation>
    </message>
    <message>
        <source>cannot read {path}: {reason}</source>
        <translation>impossible de lire {path}&#xa0;: {reason}</translation>
    </message>
    <message>
        <source>categories: give at least one category.</source>
        <translation>categories&#xa0;: donnez au moins une catégorie.</translation>
    </message>
    <message>
        <source>categories[{index}].id: &apos;{id}&apos; is used twice.</source>
        <translation>categories[{index}].id&#xa0;: «&#xa0;{id}&#xa0;» est utilisé deux fois.</translation>
    </message>
    <message>
        <source>categories[{index}].kinds: give &apos;kinds&apos; and/or &apos;tags&apos;.</source>
        <translation>categories[{index}].kinds&#xa0;: donnez «&#xa0;kinds&#xa0;» et/ou «&#xa0;tags&#xa0;».</translation>
    </message>
    <message>
        <source>cycle.months: give either &apos;months&apos; or &apos;years&apos;.</source>
        <translation>cycle.months&#xa0;: donnez soit «&#xa0;months&#xa0;», soit «&#xa0;years&#xa0;».</translation>
    </message>
    <message>
        <source>group.tiers: give at least one tier.</source>
        <translation>group.tiers&#xa0;: donnez au moins un palier.</translation>
    </message>
    <message>
        <source>group.tiers[{index}]: follows a tier without &apos;up_to&apos; (never used).</source>
        <translation>group.tiers[{index}]&#xa0;: suit un palier sans «&#xa0;up_to&#xa0;» (jamais utilisé).</translation>
    </message>
    <message>
        <source>id: &apos;{id}&apos; is the id of a shipped profile; keep id = &quot;{custom}&quot; or choose a word of your own.</source>
        <translation>id&#xa0;: «&#xa0;{id}&#xa0;» est l’identifiant d’un profil fourni&#xa0;; gardez l’identifiant «&#xa0;{custom}&#xa0;» ou choisissez un mot à vous.</translation>
    </message>
    <message>
        <source>journal.db is empty or truncated: it holds less than one page. Restore a backup; nothing was overwritten.</source>
        <translation>journal.db est vide ou tronqué&#xa0;: il contient moins d’une page. Restaurez une sauvegarde&#xa0;; rien n’a été écrasé.</translation>
    </message>
    <message>
        <source>journal.db is missing from the vault folder: restore it from a backup (journal.keys alone holds no notes).</source>
        <translation>journal.db manque dans le dossier du journal&#xa0;: restaurez-le depuis une sauvegarde (journal.keys seul ne contient aucune note).</translation>
    </message>
    <message>
        <source>journal.keys asks for key-derivation work above the safe limit; the file was probably tampered with.</source>
        <translation>journal.keys demande un calcul de dérivation de clé au-delà de la limite sûre&#xa0;; le fichier a probablement été altéré.</translation>
    </message>
    <message>
        <source>journal.keys asks for key-derivation work below the safe floor; the file was probably tampered with.</source>
        <translation>journal.keys demande un calcul de dérivation de clé en deçà du minimum sûr&#xa0;; le fichier a probablement été altéré.</translation>
    </message>
    <message>
        <source>journal.keys cannot be read: {reason}.</source>
        <translation>journal.keys ne peut pas être lu&#xa0;: {reason}.</translation>
    </message>
    <message>
        <source>journal.keys has no passphrase slot.</source>
        <translation>journal.keys n’a pas d’emplacement de phrase de passe.</translation>
    </message>
    <message>
        <source>journal.keys has no recovery slot.</source>
        <translation>journal.keys n’a pas d’emplacement de récupération.</translation>
    </message>
    <message>
        <source>journal.keys holds impossible key-derivation parameters.</source>
        <translation>journal.keys contient des paramètres de dérivation de clé impossibles.</translation>
    </message>
    <message>
        <source>journal.keys is damaged: it has no keyslots.</source>
        <translation>journal.keys est endommagé&#xa0;: il n’a aucun emplacement de clé.</translation>
    </message>
    <message>
        <source>journal.keys is damaged: it is not valid JSON.</source>
        <translation>journal.keys est endommagé&#xa0;: ce n’est pas du JSON valide.</translation>
    </message>
    <message>
        <source>journal.keys is damaged: the passphrase salt has a wrong size.</source>
        <translation>journal.keys est endommagé&#xa0;: le sel de la phrase de passe n’a pas la bonne taille.</translation>
    </message>
    <message>
        <source>journal.keys is damaged: the passphrase slot&apos;s KDF is unknown.</source>
        <translation>journal.keys est endommagé&#xa0;: la fonction de dérivation de l’emplacement de phrase de passe est inconnue.</translation>
    </message>
    <message>
        <source>journal.keys is damaged: the passphrase slot&apos;s KDF is unreadable.</source>
        <translation>journal.keys est endommagé&#xa0;: la fonction de dérivation de l’emplacement de phrase de passe est illisible.</translation>
    </message>
    <message>
        <source>journal.keys is damaged: the pending rotation is unreadable.</source>
        <translation>journal.keys est endommagé&#xa0;: le changement de clé en attente est illisible.</translation>
    </message>
    <message>
        <source>journal.keys is damaged: the recovery slot&apos;s KDF is unknown.</source>
        <translation>journal.keys est endommagé&#xa0;: la fonction de dérivation de l’emplacement de récupération est inconnue.</translation>
    </message>
    <message>
        <source>journal.keys is damaged: {field} has an unknown type or KDF.</source>
        <translation>journal.keys est endommagé&#xa0;: {field} a un type ou une fonction de dérivation inconnus.</translation>
    </message>
    <message>
        <source>journal.keys is damaged: {field} has the wrong sizes.</source>
        <translation>journal.keys est endommagé&#xa0;: {field} n’a pas les bonnes tailles.</translation>
    </message>
    <message>
        <source>journal.keys is damaged: {field} is not an object.</source>
        <translation>journal.keys est endommagé&#xa0;: {field} n’est pas un objet.</translation>
    </message>
    <message>
        <source>journal.keys is damaged: {field} is not text.</source>
        <translation>journal.keys est endommagé&#xa0;: {field} n’est pas du texte.</translation>
    </message>
    <message>
        <source>journal.keys is damaged: {field} is not valid base64.</source>
        <translation>journal.keys est endommagé&#xa0;: {field} n’est pas du base64 valide.</translation>
    </message>
    <message>
        <source>journal.keys is damaged: {field} uses an unknown cipher.</source>
        <translation>journal.keys est endommagé&#xa0;: {field} utilise un chiffrement inconnu.</translation>
    </message>
    <message>
        <source>journal.keys is far too large to be a key file.</source>
        <translation>journal.keys est bien trop volumineux pour être un fichier de clés.</translation>
    </message>
    <message>
        <source>journal.keys is missing: without it the vault cannot be opened. Restore it from a backup.</source>
        <translation>journal.keys manque&#xa0;: sans lui, le journal ne peut pas être ouvert. Restaurez-le depuis une sauvegarde.</translation>
    </message>
    <message>
        <source>journal.keys is not a Supervision Journal key file.</source>
        <translation>journal.keys n’est pas un fichier de clés de Supervision Journal.</translation>
    </message>
    <message>
        <source>journal.keys was written by another version of the app.</source>
        <translation>journal.keys a été écrit par une autre version de l’application.</translation>
    </message>
    <message>
        <source>no backup file at {path}</source>
        <translation>aucun fichier de sauvegarde à {path}</translation>
    </message>
    <message>
        <source>no client has this pseudonym</source>
        <translation>aucun client ne porte ce pseudonyme</translation>
    </message>
    <message>
        <source>no key</source>
        <translation>aucune clé</translation>
    </message>
    <message>
        <source>no {what} given (use a file or ${env})</source>
        <translation>{what}&#xa0;: rien n’a été donné (utilisez un fichier ou ${env})</translation>
    </message>
    <message>
        <source>requirements: give at least one requirement.</source>
        <translation>requirements&#xa0;: donnez au moins une exigence.</translation>
    </message>
    <message>
        <source>schema: this version of the app reads schema {schema}.</source>
        <translation>schema&#xa0;: cette version de l’application lit le schéma {schema}.</translation>
    </message>
    <message>
        <source>the sealing passphrase file is empty</source>
        <translation>le fichier de la phrase de passe de chiffrement est vide</translation>
    </message>
    <message>
        <source>the two entries differ</source>
        <translation>les deux saisies diffèrent</translation>
    </message>
    <message>
        <source>the {what} is empty</source>
        <translation>{what}&#xa0;: la valeur est vide</translation>
    </message>
    <message>
        <source>unknown profile &apos;{profile}&apos; (see &apos;hours profiles&apos;)</source>
        <translation>profil inconnu «&#xa0;{profile}&#xa0;» (voir «&#xa0;hours profiles&#xa0;»)</translation>
    </message>
    <message>
        <source>{count} possible name(s) need a decision (redact or keep) before anything is written.</source>
        <translation>Noms possibles à trancher (masquer ou conserver) avant toute écriture&#xa0;: {count}.</translation>
    </message>
    <message>
        <source>{count} possible name(s) need a decision: review them in the app&apos;s preview, or run again with --candidates redact or --candidates keep. Nothing was written.</source>
        <translation>Noms possibles à trancher&#xa0;: {count}. Examinez-les dans l’aperçu de l’application, ou relancez avec --candidates redact ou --candidates keep. Rien n’a été écrit.</translation>
    </message>
    <message>
        <source>{file}: id: must match the file name.</source>
        <translation>{file}&#xa0;: id&#xa0;: doit correspondre au nom du fichier.</translation>
    </message>
    <message>
        <source>{file}: {error}</source>
        <translation>{file}&#xa0;: {error}</translation>
    </message>
    <message>
        <source>{key}: &apos;target&apos; needs the requirement&apos;s target.</source>
        <translation>{key}&#xa0;: «&#xa0;target&#xa0;» demande l’objectif de l’exigence.</translation>
    </message>
    <message>
        <source>{key}: &apos;{category}&apos; is already capped.</source>
        <translation>{key}&#xa0;: «&#xa0;{category}&#xa0;» est déjà plafonnée.</translation>
    </message>
    <message>
        <source>{key}: &apos;{category}&apos; is not counted by this requirement.</source>
        <translation>{key}&#xa0;: «&#xa0;{category}&#xa0;» n’est pas comptée par cette exigence.</translation>
    </message>
    <message>
        <source>{key}: &apos;{id}&apos; is used twice.</source>
        <translation>{key}&#xa0;: «&#xa0;{id}&#xa0;» est utilisé deux fois.</translation>
    </message>
    <message>
        <source>{key}: a count is a whole number.</source>
        <translation>{key}&#xa0;: un décompte est un nombre entier.</translation>
    </message>
    <message>
        <source>{key}: a cycle lasts between 1 month and 20 years.</source>
        <translation>{key}&#xa0;: un cycle dure entre 1 mois et 20 ans.</translation>
    </message>
    <message>
        <source>{key}: a positive whole number, only for kind = &quot;total&quot;.</source>
        <translation>{key}&#xa0;: un nombre entier positif, seulement quand kind vaut «&#xa0;total&#xa0;».</translation>
    </message>
    <message>
        <source>{key}: a share is between 0 and 1.</source>
        <translation>{key}&#xa0;: une part est comprise entre 0 et 1.</translation>
    </message>
    <message>
        <source>{key}: expected a date (YYYY-MM-DD) or a string.</source>
        <translation>{key}&#xa0;: une date (AAAA-MM-JJ) ou une chaîne est attendue.</translation>
    </message>
    <message>
        <source>{key}: expected a date (YYYY-MM-DD).</source>
        <translation>{key}&#xa0;: une date (AAAA-MM-JJ) est attendue.</translation>
    </message>
    <message>
        <source>{key}: expected a list.</source>
        <translation>{key}&#xa0;: une liste est attendue.</translation>
    </message>
    <message>
        <source>{key}: expected a string.</source>
        <translation>{key}&#xa0;: une chaîne est attendue.</translation>
    </message>
    <message>
        <source>{key}: expected a table.</source>
        <translation>{key}&#xa0;: une table est attendue.</translation>
    </message>
    <message>
        <source>{key}: expected an integer or a number.</source>
        <translation>{key}&#xa0;: un entier ou un nombre est attendu.</translation>
    </message>
    <message>
        <source>{key}: expected an integer.</source>
        <translation>{key}&#xa0;: un entier est attendu.</translation>
    </message>
    <message>
        <source>{key}: expected true or false.</source>
        <translation>{key}&#xa0;: true ou false est attendu.</translation>
    </message>
    <message>
        <source>{key}: give &apos;categories&apos; or &apos;each = true&apos;.</source>
        <translation>{key}&#xa0;: donnez «&#xa0;categories&#xa0;» ou «&#xa0;each = true&#xa0;».</translation>
    </message>
    <message>
        <source>{key}: give &apos;max&apos; and/or &apos;max_share&apos;.</source>
        <translation>{key}&#xa0;: donnez «&#xa0;max&#xa0;» et/ou «&#xa0;max_share&#xa0;».</translation>
    </message>
    <message>
        <source>{key}: missing (give &apos;en&apos; and/or &apos;fr&apos;).</source>
        <translation>{key}&#xa0;: manquant (donnez «&#xa0;en&#xa0;» et/ou «&#xa0;fr&#xa0;»).</translation>
    </message>
    <message>
        <source>{key}: missing.</source>
        <translation>{key}&#xa0;: manquant.</translation>
    </message>
    <message>
        <source>{key}: must be a non-empty word without spaces.</source>
        <translation>{key}&#xa0;: doit être un mot non vide, sans espaces.</translation>
    </message>
    <message>
        <source>{key}: must be at least 1.</source>
        <translation>{key}&#xa0;: doit valoir au moins 1.</translation>
    </message>
    <message>
        <source>{key}: must be at least {minimum:g}.</source>
        <translation>{key}&#xa0;: doit valoir au moins {minimum:g}.</translation>
    </message>
    <message>
        <source>{key}: must be greater than {minimum:g}.</source>
        <translation>{key}&#xa0;: doit être supérieur à {minimum:g}.</translation>
    </message>
    <message>
        <source>{key}: no category &apos;{category}&apos;.</source>
        <translation>{key}&#xa0;: aucune catégorie «&#xa0;{category}&#xa0;».</translation>
    </message>
    <message>
        <source>{key}: no unit &apos;{unit}&apos; (define it in [units]).</source>
        <translation>{key}&#xa0;: aucune unité «&#xa0;{unit}&#xa0;» (définissez-la dans [units]).</translation>
    </message>
    <message>
        <source>{key}: one of {allowed}.</source>
        <translation>{key}&#xa0;: l’une des valeurs {allowed}.</translation>
    </message>
    <message>
        <source>{key}: only for kind = &quot;per_period&quot;.</source>
        <translation>{key}&#xa0;: seulement quand kind vaut «&#xa0;per_period&#xa0;».</translation>
    </message>
    <message>
        <source>{key}: only for kind = &quot;total&quot;.</source>
        <translation>{key}&#xa0;: seulement quand kind vaut «&#xa0;total&#xa0;».</translation>
    </message>
    <message>
        <source>{key}: only one cap may use &apos;each&apos;.</source>
        <translation>{key}&#xa0;: un seul plafond peut utiliser «&#xa0;each&#xa0;».</translation>
    </message>
    <message>
        <source>{key}: tiers go from small groups to large ones.</source>
        <translation>{key}&#xa0;: les paliers vont des petits groupes aux grands.</translation>
    </message>
    <message>
        <source>{key}: unknown key.</source>
        <translation>{key}&#xa0;: clé inconnue.</translation>
    </message>
    <message>
        <source>{key}[{index}]: expected a non-empty string.</source>
        <translation>{key}[{index}]&#xa0;: une chaîne non vide est attendue.</translation>
    </message>
    <message>
        <source>{key}[{index}]: unknown value &apos;{value}&apos; (one of: {allowed}).</source>
        <translation>{key}[{index}]&#xa0;: valeur inconnue «&#xa0;{value}&#xa0;» (valeurs possibles&#xa0;: {allowed}).</translation>
    </message>
    <message>
        <source>{name} is damaged (header fields).</source>
        <translation>{name} est endommagé (champs de l’en-tête).</translation>
    </message>
    <message>
        <source>{name} is damaged (header size).</source>
        <translation>{name} est endommagé (taille de l’en-tête).</translation>
    </message>
    <message>
        <source>{name} is damaged (header).</source>
        <translation>{name} est endommagé (en-tête).</translation>
    </message>
    <message>
        <source>{name} is damaged or truncated (its content does not match its checksum).</source>
        <translation>{name} est endommagé ou tronqué (son contenu ne correspond pas à sa somme de contrôle).</translation>
    </message>
    <message>
        <source>{name} is not a Supervision Journal backup.</source>
        <translation>{name} n’est pas une sauvegarde de Supervision Journal.</translation>
    </message>
    <message>
        <source>{name} is truncated.</source>
        <translation>{name} est tronqué.</translation>
    </message>
    <message>
        <source>{path} is not UTF-8 text</source>
        <translation>{path} n’est pas du texte UTF-8</translation>
    </message>
    <message>
        <source>{path}: a client with this pseudonym already exists in the vault</source>
        <translation>{path}&#xa0;: un client porte déjà ce pseudonyme dans le journal</translation>
    </message>
    <message>
        <source>{path}: an empty reflection cannot be approved</source>
        <translation>{path}&#xa0;: une réflexion vide ne peut pas être approuvée</translation>
    </message>
    <message>
        <source>{path}: contains an invalid Unicode character</source>
        <translation>{path}&#xa0;: contient un caractère Unicode non valide</translation>
    </message>
    <message>
        <source>{path}: is not a known feeling</source>
        <translation>{path}&#xa0;: n’est pas un ressenti connu</translation>
    </message>
    <message>
        <source>{path}: is not a section of the {template} template</source>
        <translation>{path}&#xa0;: n’est pas une section du modèle {template}</translation>
    </message>
    <message>
        <source>{path}: is not valid base64</source>
        <translation>{path}&#xa0;: n’est pas du base64 valide</translation>
    </message>
    <message>
        <source>{path}: is required</source>
        <translation>{path}&#xa0;: est obligatoire</translation>
    </message>
    <message>
        <source>{path}: is required for group supervision (2 or more)</source>
        <translation>{path}&#xa0;: est obligatoire pour une supervision de groupe (2 ou plus)</translation>
    </message>
    <message>
        <source>{path}: is used by an earlier client in this file</source>
        <translation>{path}&#xa0;: est déjà utilisé par un client plus haut dans ce fichier</translation>
    </message>
    <message>
        <source>{path}: must be a date written YYYY-MM-DD</source>
        <translation>{path}&#xa0;: doit être une date écrite AAAA-MM-JJ</translation>
    </message>
    <message>
        <source>{path}: must be a list</source>
        <translation>{path}&#xa0;: doit être une liste</translation>
    </message>
    <message>
        <source>{path}: must be a list of text</source>
        <translation>{path}&#xa0;: doit être une liste de textes</translation>
    </message>
    <message>
        <source>{path}: must be a number of hours between 0 and {hours}</source>
        <translation>{path}&#xa0;: doit être un nombre d’heures compris entre 0 et {hours}</translation>
    </message>
    <message>
        <source>{path}: must be a whole number</source>
        <translation>{path}&#xa0;: doit être un nombre entier</translation>
    </message>
    <message>
        <source>{path}: must be an object</source>
        <translation>{path}&#xa0;: doit être un objet</translation>
    </message>
    <message>
        <source>{path}: must be an object of feeling: intensity (1 to 3)</source>
        <translation>{path}&#xa0;: doit être un objet ressenti&#xa0;: intensité (de 1 à 3)</translation>
    </message>
    <message>
        <source>{path}: must be an object of section texts</source>
        <translation>{path}&#xa0;: doit être un objet de textes de sections</translation>
    </message>
    <message>
        <source>{path}: must be between {lo} and {hi}</source>
        <translation>{path}&#xa0;: doit être compris entre {lo} et {hi}</translation>
    </message>
    <message>
        <source>{path}: must be one of: {choices}</source>
        <translation>{path}&#xa0;: doit être l’une des valeurs&#xa0;: {choices}</translation>
    </message>
    <message>
        <source>{path}: must be text</source>
        <translation>{path}&#xa0;: doit être du texte</translation>
    </message>
    <message>
        <source>{path}: must be true or false</source>
        <translation>{path}&#xa0;: doit être true ou false</translation>
    </message>
    <message>
        <source>{path}: must not be empty</source>
        <translation>{path}&#xa0;: ne doit pas être vide</translation>
    </message>
    <message>
        <source>{path}: must not contain control characters (tabs, line breaks…)</source>
        <translation>{path}&#xa0;: ne doit pas contenir de caractères de contrôle (tabulations, sauts de ligne…)</translation>
    </message>
    <message>
        <source>{path}: names a client that is neither in this file nor in the vault</source>
        <translation>{path}&#xa0;: désigne un client qui n’est ni dans ce fichier ni dans le journal</translation>
    </message>
    <message>
        <source>{path}: names a supervision session, but the file has none</source>
        <translation>{path}&#xa0;: désigne une séance de supervision, mais le fichier n’en contient aucune</translation>
    </message>
    <message>
        <source>{path}: names section &apos;{key}&apos;, which has no text in this session</source>
        <translation>{path}&#xa0;: désigne la section «&#xa0;{key}&#xa0;», qui n’a pas de texte dans cette séance</translation>
    </message>
    <message>
        <source>{path}: needs &apos;client&apos; to find the session</source>
        <translation>{path}&#xa0;: demande «&#xa0;client&#xa0;» pour retrouver la séance</translation>
    </message>
    <message>
        <source>{path}: needs &apos;is_question&apos;: true</source>
        <translation>{path}&#xa0;: demande «&#xa0;is_question&#xa0;» à true</translation>
    </message>
    <message>
        <source>{path}: needs &apos;session_date&apos;</source>
        <translation>{path}&#xa0;: demande «&#xa0;session_date&#xa0;»</translation>
    </message>
    <message>
        <source>{path}: needs a &apos;supervision_questions&apos; section with text</source>
        <translation>{path}&#xa0;: demande une section «&#xa0;supervision_questions&#xa0;» avec du texte</translation>
    </message>
    <message>
        <source>{path}: no session of this client on that date</source>
        <translation>{path}&#xa0;: aucune séance de ce client à cette date</translation>
    </message>
    <message>
        <source>{path}: only a closed client has a closing date</source>
        <translation>{path}&#xa0;: seul un client clos a une date de clôture</translation>
    </message>
    <message>
        <source>{path}: private notes can never be approved for supervision</source>
        <translation>{path}&#xa0;: les notes privées ne peuvent jamais être approuvées pour la supervision</translation>
    </message>
    <message>
        <source>{path}: unknown field</source>
        <translation>{path}&#xa0;: champ inconnu</translation>
    </message>
    <message>
        <source>{switch} is a test-only switch that weakens the vault; it is set outside the test suite, so the app refuses to run. Unset it.</source>
        <translation>{switch} est un réglage réservé aux tests qui affaiblit le journal&#xa0;; il est défini hors des tests, l’application refuse donc de démarrer. Supprimez-le.</translation>
    </message>
    <message>
        <source>{what} must be a date written YYYY-MM-DD</source>
        <translation>{what} doit être une date écrite AAAA-MM-JJ</translation>
    </message>
    <message>
        <source>{where}: &apos;format&apos; must be {format!r}</source>
        <translation>{where}&#xa0;: «&#xa0;format&#xa0;» doit valoir {format!r}</translation>
    </message>
    <message>
        <source>{where}: &apos;frameworks&apos; must be a non-empty object</source>
        <translation>{where}&#xa0;: «&#xa0;frameworks&#xa0;» doit être un objet non vide</translation>
    </message>
    <message>
        <source>{where}: &apos;hint&apos; must be a string</source>
        <translation>{where}&#xa0;: «&#xa0;hint&#xa0;» doit être une chaîne</translation>
    </message>
    <message>
        <source>{where}: &apos;language&apos; must be {language!r}</source>
        <translation>{where}&#xa0;: «&#xa0;language&#xa0;» doit valoir {language!r}</translation>
    </message>
    <message>
        <source>{where}: &apos;prompts&apos; must be a non-empty list</source>
        <translation>{where}&#xa0;: «&#xa0;prompts&#xa0;» doit être une liste non vide</translation>
    </message>
    <message>
        <source>{where}: &apos;version&apos; must be a positive whole number</source>
        <translation>{where}&#xa0;: «&#xa0;version&#xa0;» doit être un nombre entier positif</translation>
    </message>
    <message>
        <source>{where}: duplicate id</source>
        <translation>{where}&#xa0;: identifiant en double</translation>
    </message>
    <message>
        <source>{where}: expected a JSON object</source>
        <translation>{where}&#xa0;: un objet JSON est attendu</translation>
    </message>
    <message>
        <source>{where}: expected an object</source>
        <translation>{where}&#xa0;: un objet est attendu</translation>
    </message>
    <message>
        <source>{where}: frameworks must include {framework!r}</source>
        <translation>{where}&#xa0;: frameworks doit inclure {framework!r}</translation>
    </message>
    <message>
        <source>{where}: frameworks: invalid id {framework!r}</source>
        <translation>{where}&#xa0;: frameworks&#xa0;: identifiant non valide {framework!r}</translation>
    </message>
    <message>
        <source>{where}: frameworks[{framework!r}] must be a non-empty string</source>
        <translation>{where}&#xa0;: frameworks[{framework!r}] doit être une chaîne non vide</translation>
    </message>
    <message>
        <source>{where}: prefix {prefix!r} differs from {other!r} in the same framework</source>
        <translation>{where}&#xa0;: le préfixe {prefix!r} diffère de {other!r} dans le même cadre</translation>
    </message>
    <message>
        <source>{where}: prefix {prefix!r} is already used by framework {framework!r} ({first})</source>
        <translation>{where}&#xa0;: le préfixe {prefix!r} est déjà utilisé par le cadre {framework!r} ({first})</translation>
    </message>
    <message>
        <source>{where}: the id must be {prefix!r} followed by letters, digits, - or _</source>
        <translation>{where}&#xa0;: l’identifiant doit être {prefix!r} suivi de lettres, de chiffres, de - ou de _</translation>
    </message>
    <message>
        <source>{where}: the id must look like &apos;prefix.slug&apos; (lower case, digits, _), and {prefix!r} is kept for the practitioner&apos;s own prompts</source>
        <translation>{where}&#xa0;: l’identifiant doit avoir la forme «&#xa0;prefixe.nom&#xa0;» (minuscules, chiffres, _), et {prefix!r} est réservé aux pistes personnelles du praticien</translation>
    </message>
    <message>
        <source>{where}: unknown field {field!r}</source>
        <translation>{where}&#xa0;: champ inconnu {field!r}</translation>
    </message>
    <message>
        <source>{where}: unknown framework {framework!r}</source>
        <translation>{where}&#xa0;: cadre inconnu {framework!r}</translation>
    </message>
    <message>
        <source>{where}: version {version} was written for a newer version of the app</source>
        <translation>{where}&#xa0;: la version {version} a été écrite pour une version plus récente de l’application</translation>
    </message>
    <message>
        <source>{where}: {key!r} must be a non-empty string</source>
        <translation>{where}&#xa0;: {key!r} doit être une chaîne non vide</translation>
    </message>
</context>
<context>
    <name>LedgerView</name>
    <message>
        <source>Show activities of kind</source>
        <translation>Afficher les activités du type</translation>
    </message>
    <message>
        <source>All kinds</source>
        <translation>Tous les types</translation>
    </message>
    <message>
        <source>Filter by words</source>
        <translation>Filtrer par mots</translation>
    </message>
    <message>
        <source>Title, provider, topic, reflection…</source>
        <translation>Intitulé, organisme, thème, réflexion…</translation>
    </message>
    <message>
        <source>From date</source>
        <translation>Date de début</translation>
    </message>
    <message>
        <source>YYYY-MM-DD</source>
        <translation>AAAA-MM-JJ</translation>
    </message>
    <message>
        <source>To date</source>
        <translation>Date de fin</translation>
    </message>
    <message>
        <source>Clear filters</source>
        <translation>Effacer les filtres</translation>
    </message>
    <message>
        <source>&amp;Show</source>
        <translation>Affi&amp;cher</translation>
    </message>
    <message>
        <source>&amp;Words</source>
        <translation>M&amp;ots</translation>
    </message>
    <message>
        <source>Fro&amp;m</source>
        <translation>&amp;Du</translation>
    </message>
    <message>
        <source>T&amp;o</source>
        <translation>A&amp;u</translation>
    </message>
    <message>
        <source>Show every entry</source>
        <translation>Afficher toutes les entrées</translation>
    </message>
    <message>
        <source>Activities</source>
        <translation>Activités</translation>
    </message>
    <message>
        <source>Totals of the entries shown</source>
        <translation>Totaux des entrées affichées</translation>
    </message>
    <message>
        <source>&amp;Undo delete</source>
        <translation>&amp;Annuler la suppression</translation>
    </message>
    <message>
        <source>Restore the last deleted entry</source>
        <translation>Rétablir la dernière entrée supprimée</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>&amp;Add…</source>
        <translation>A&amp;jouter…</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>&amp;Modifier…</translation>
    </message>
    <message>
        <source>&amp;Duplicate…</source>
        <translation>Du&amp;pliquer…</translation>
    </message>
    <message>
        <source>&amp;Recurring…</source>
        <translation>&amp;Récurrentes…</translation>
    </message>
    <message>
        <source>De&amp;lete</source>
        <translation>&amp;Supprimer</translation>
    </message>
    <message>
        <source>Restore deleted</source>
        <translation>Rétablir la suppression</translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n entries · %2 (%3 h)</source>
        <translation>
            <numerusform>%1 sur %n entrée · %2 (%3 h)</numerusform>
            <numerusform>%1 sur %n entrées · %2 (%3 h)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n entries · %1 (%2 h)</source>
        <translation>
            <numerusform>%n entrée · %1 (%2 h)</numerusform>
            <numerusform>%n entrées · %1 (%2 h)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n entries added.</source>
        <translation>
            <numerusform>%n entrée ajoutée.</numerusform>
            <numerusform>%n entrées ajoutées.</numerusform>
        </translation>
    </message>
    <message>
        <source>Saved. The entry is hidden by the filters.</source>
        <translation>Enregistré. L’entrée est masquée par les filtres.</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>Enregistré.</translation>
    </message>
    <message>
        <source>This entry belongs to a supervision session: delete or edit it on the Supervision page.</source>
        <translation>Cette entrée appartient à une séance de supervision&#xa0;: supprimez-la ou modifiez-la sur la page Supervision.</translation>
    </message>
    <message>
        <source>Entry deleted. Ctrl+Z puts it back.</source>
        <translation>Entrée supprimée. Ctrl+Z la rétablit.</translation>
    </message>
    <message>
        <source>Entry restored.</source>
        <translation>Entrée rétablie.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Sections of the application</source>
        <translation>Sections de l’application</translation>
    </message>
    <message>
        <source>Journal</source>
        <translation>Journal</translation>
    </message>
    <message>
        <source>New &amp;client…</source>
        <translation>Nouveau &amp;client…</translation>
    </message>
    <message>
        <source>&amp;New session</source>
        <translation>&amp;Nouvelle séance</translation>
    </message>
    <message>
        <source>New &amp;free-form session</source>
        <translation>Nouvelle séance en te&amp;xte libre</translation>
    </message>
    <message>
        <source>&amp;Search notes…</source>
        <translation>&amp;Rechercher dans les notes…</translation>
    </message>
    <message>
        <source>&amp;Lock</source>
        <translation>&amp;Verrouiller</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>&amp;Paramètres…</translation>
    </message>
    <message>
        <source>&amp;About Supervision Journal</source>
        <translation>À &amp;propos de Supervision Journal</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>Racco&amp;urcis clavier</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <source>&amp;Edit client…</source>
        <translation>&amp;Modifier le client…</translation>
    </message>
    <message>
        <source>&amp;Identity details…</source>
        <translation>&amp;Données d’identité…</translation>
    </message>
    <message>
        <source>C&amp;lose client</source>
        <translation>&amp;Terminer l’accompagnement</translation>
    </message>
    <message>
        <source>&amp;Delete session…</source>
        <translation>Suppr&amp;imer la séance…</translation>
    </message>
    <message>
        <source>Re&amp;tention, access request and erasure…</source>
        <translation>Con&amp;servation, demande d’accès et effacement…</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Fichier</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Édition</translation>
    </message>
    <message>
        <source>&amp;Client</source>
        <translation>&amp;Client</translation>
    </message>
    <message>
        <source>&amp;Go</source>
        <translation>A&amp;ller</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Aide</translation>
    </message>
    <message>
        <source>Delete the selected session (in the list of sessions)</source>
        <translation>Supprimer la séance choisie (dans la liste des séances)</translation>
    </message>
    <message>
        <source>Main tool bar</source>
        <translation>Barre d’outils principale</translation>
    </message>
    <message>
        <source>Save status</source>
        <translation>État de l’enregistrement</translation>
    </message>
    <message>
        <source>&amp;Reopen client</source>
        <translation>&amp;Reprendre l’accompagnement</translation>
    </message>
    <message>
        <source>Client reopened: listed under Active.</source>
        <translation>Accompagnement repris&#xa0;: client affiché dans Actifs.</translation>
    </message>
    <message>
        <source>Client closed: listed under Closed.</source>
        <translation>Accompagnement terminé&#xa0;: client affiché dans Terminés.</translation>
    </message>
    <message>
        <source>No sessions yet — start one with Ctrl+N</source>
        <translation>Aucune séance — commencez-en une avec Ctrl+N</translation>
    </message>
    <message>
        <source>Delete session %1 of %2?</source>
        <translation>Supprimer la séance %1 du %2&#xa0;?</translation>
    </message>
    <message>
        <source>Its notes and reflections, their approvals and the feelings recorded are deleted from the journal. This cannot be undone.</source>
        <translation>Ses notes et réflexions, leurs approbations et les ressentis notés sont supprimés du journal. C’est irréversible.</translation>
    </message>
    <message>
        <source>This session has no notes and no reflections.</source>
        <translation>Cette séance n’a ni notes ni réflexions.</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Supprimer</translation>
    </message>
    <message>
        <source>Session deleted.</source>
        <translation>Séance supprimée.</translation>
    </message>
    <message>
        <source>Select a client to see their sessions.</source>
        <translation>Sélectionnez un client pour voir ses séances.</translation>
    </message>
    <message>
        <source>Select a client, or add one with Ctrl+Shift+N.</source>
        <translation>Sélectionnez un client, ou ajoutez-en un avec Ctrl+Maj+N.</translation>
    </message>
    <message>
        <source>Your journal is empty. Add a client to begin: a pseudonym is all it needs, and identifying details stay hidden until you reveal them.</source>
        <translation>Votre journal est vide. Ajoutez un client pour commencer&#xa0;: un pseudonyme suffit, et les éléments identifiants restent masqués jusqu’à ce que vous les affichiez.</translation>
    </message>
    <message>
        <source>Select or add a client first.</source>
        <translation>Sélectionnez ou ajoutez d’abord un client.</translation>
    </message>
    <message>
        <source>This reflection is not linked to a session.</source>
        <translation>Cette réflexion n’est liée à aucune séance.</translation>
    </message>
    <message>
        <source>The match is in a reflection on this session.</source>
        <translation>Le résultat se trouve dans une réflexion sur cette séance.</translation>
    </message>
    <message>
        <source>Saved</source>
        <translation>Enregistré</translation>
    </message>
    <message>
        <source>Not saved — your text is kept here</source>
        <translation>Non enregistré — votre texte est conservé ici</translation>
    </message>
    <message>
        <source>Your last changes could not be saved.</source>
        <translation>Vos dernières modifications n’ont pas pu être enregistrées.</translation>
    </message>
    <message>
        <source>Your text is still in the editor. Saving is tried again when you type, switch notes or lock.</source>
        <translation>Votre texte est toujours dans l’éditeur. L’enregistrement sera retenté quand vous taperez, changerez de note ou verrouillerez.</translation>
    </message>
</context>
<context>
    <name>Modality</name>
    <message>
        <source>In person</source>
        <translation>En présentiel</translation>
    </message>
    <message>
        <source>Video</source>
        <translation>Visio</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Téléphone</translation>
    </message>
</context>
<context>
    <name>NewPassphraseForm</name>
    <message>
        <source>New passphrase</source>
        <translation>Nouvelle phrase de passe</translation>
    </message>
    <message>
        <source>Repeat the passphrase</source>
        <translation>Répétez la phrase de passe</translation>
    </message>
    <message>
        <source>Passphrase strength</source>
        <translation>Robustesse de la phrase de passe</translation>
    </message>
    <message>
        <source>&amp;Passphrase:</source>
        <translation>&amp;Phrase de passe&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Repeat it:</source>
        <translation>&amp;Répétez-la&#xa0;:</translation>
    </message>
    <message>
        <source>Use at least 8 characters; a few unrelated words are easy to remember and hard to guess.</source>
        <translation>Au moins 8 caractères&#xa0;; quelques mots sans rapport entre eux sont faciles à retenir et difficiles à deviner.</translation>
    </message>
    <message>
        <source>Strength: weak — this is a well-known password.</source>
        <translation>Robustesse&#xa0;: faible — c’est un mot de passe très répandu.</translation>
    </message>
    <message>
        <source>Strength: weak — make it longer.</source>
        <translation>Robustesse&#xa0;: faible — allongez-la.</translation>
    </message>
    <message>
        <source>Strength: fair — one more word would make it strong.</source>
        <translation>Robustesse&#xa0;: moyenne — un mot de plus la rendrait robuste.</translation>
    </message>
    <message>
        <source>Strength: strong.</source>
        <translation>Robustesse&#xa0;: élevée.</translation>
    </message>
    <message>
        <source>The two passphrases differ.</source>
        <translation>Les deux phrases de passe diffèrent.</translation>
    </message>
    <message>
        <source>The two passphrases match.</source>
        <translation>Les deux phrases de passe concordent.</translation>
    </message>
</context>
<context>
    <name>NoteEditor</name>
    <message>
        <source>Select a client, or add one with Ctrl+Shift+N.</source>
        <translation>Sélectionnez un client, ou ajoutez-en un avec Ctrl+Maj+N.</translation>
    </message>
    <message>
        <source>New session</source>
        <translation>Nouvelle séance</translation>
    </message>
    <message>
        <source>Session date</source>
        <translation>Date de la séance</translation>
    </message>
    <message>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <source>Duration in minutes</source>
        <translation>Durée en minutes</translation>
    </message>
    <message>
        <source>Modality</source>
        <translation>Modalité</translation>
    </message>
    <message>
        <source>Tags, separated by commas</source>
        <translation>Étiquettes, séparées par des virgules</translation>
    </message>
    <message>
        <source>Session tags</source>
        <translation>Étiquettes de la séance</translation>
    </message>
    <message>
        <source>&amp;Date</source>
        <translation>&amp;Date</translation>
    </message>
    <message>
        <source>D&amp;uration</source>
        <translation>D&amp;urée</translation>
    </message>
    <message>
        <source>&amp;Modality</source>
        <translation>&amp;Modalité</translation>
    </message>
    <message>
        <source>&amp;Tags</source>
        <translation>&amp;Étiquettes</translation>
    </message>
    <message>
        <source>%1 · Session %2</source>
        <translation>%1 · Séance %2</translation>
    </message>
</context>
<context>
    <name>OsReason</name>
    <message>
        <source>no space left on the disk</source>
        <translation>plus d’espace libre sur le disque</translation>
    </message>
    <message>
        <source>disk quota exceeded</source>
        <translation>quota de disque dépassé</translation>
    </message>
    <message>
        <source>permission denied</source>
        <translation>accès refusé</translation>
    </message>
    <message>
        <source>operation not permitted</source>
        <translation>opération non permise</translation>
    </message>
    <message>
        <source>no such file or folder</source>
        <translation>fichier ou dossier introuvable</translation>
    </message>
    <message>
        <source>the disk is read-only</source>
        <translation>le disque est en lecture seule</translation>
    </message>
    <message>
        <source>the file or device is busy</source>
        <translation>le fichier ou le périphérique est occupé</translation>
    </message>
    <message>
        <source>the file already exists</source>
        <translation>le fichier existe déjà</translation>
    </message>
    <message>
        <source>not a folder</source>
        <translation>ce n’est pas un dossier</translation>
    </message>
    <message>
        <source>this is a folder</source>
        <translation>c’est un dossier</translation>
    </message>
    <message>
        <source>the disk could not be read or written</source>
        <translation>le disque n’a pas pu être lu ou écrit</translation>
    </message>
    <message>
        <source>the file name is too long</source>
        <translation>le nom du fichier est trop long</translation>
    </message>
    <message>
        <source>the folder is not empty</source>
        <translation>le dossier n’est pas vide</translation>
    </message>
    <message>
        <source>cannot move between two disks</source>
        <translation>impossible de déplacer d’un disque à l’autre</translation>
    </message>
    <message>
        <source>too many open files</source>
        <translation>trop de fichiers ouverts</translation>
    </message>
</context>
<context>
    <name>Pages</name>
    <message>
        <source>Questions</source>
        <translation>Questions</translation>
    </message>
    <message>
        <source>Supervision</source>
        <translation>Supervision</translation>
    </message>
    <message>
        <source>Backups</source>
        <translation>Sauvegardes</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Export</translation>
    </message>
</context>
<context>
    <name>PatternsView</name>
    <message>
        <source>No feelings recorded for this client yet. After a session, click the feelings you noticed above (once: slight, twice: clear, three times: strong). Session after session they appear here, so reactions that keep coming back stand out.</source>
        <translation>Aucun ressenti noté pour ce client pour l’instant. Après une séance, cliquez ci-dessus sur les ressentis que vous avez remarqués (une fois&#xa0;: léger, deux fois&#xa0;: net, trois fois&#xa0;: fort). Séance après séance, ils apparaissent ici, et les réactions qui reviennent ressortent.</translation>
    </message>
    <message>
        <source>%1 (%2 sessions)</source>
        <translation>%1 (%2 séances)</translation>
    </message>
    <message>
        <source>Keeps coming back: %1</source>
        <translation>Revient souvent&#xa0;: %1</translation>
    </message>
    <message>
        <source>No feeling recorded in three sessions or more yet.</source>
        <translation>Aucun ressenti noté dans trois séances ou plus pour l’instant.</translation>
    </message>
</context>
<context>
    <name>PrepareView</name>
    <message>
        <source>Open questions</source>
        <translation>Questions en suspens</translation>
    </message>
    <message>
        <source>Sessions since the last supervision</source>
        <translation>Séances depuis la dernière supervision</translation>
    </message>
    <message>
        <source>Case presentation</source>
        <translation>Présentation de cas</translation>
    </message>
    <message>
        <source>Client to present</source>
        <translation>Client à présenter</translation>
    </message>
    <message>
        <source>&amp;Client:</source>
        <translation>&amp;Client&#xa0;:</translation>
    </message>
    <message>
        <source>In the order supervisors ask for, the question first. Write it as you would say it: the export replaces names and dates, and nothing leaves until you share it.</source>
        <translation>Dans l’ordre attendu par les superviseurs, la question d’abord. Écrivez comme vous le diriez&#xa0;: l’export remplace les noms et les dates, et rien ne sort tant que vous ne l’avez pas partagé.</translation>
    </message>
    <message>
        <source>&amp;Fill from my approved notes</source>
        <translation>&amp;Remplir à partir de mes notes approuvées</translation>
    </message>
    <message>
        <source>Fill the empty parts from approved sections and open questions</source>
        <translation>Remplir les parties vides à partir des sections approuvées et des questions en suspens</translation>
    </message>
    <message>
        <source>Start a &amp;new presentation</source>
        <translation>Commencer une &amp;nouvelle présentation</translation>
    </message>
    <message>
        <source>%1. %2</source>
        <translation>%1. %2</translation>
    </message>
    <message>
        <source>Since your last supervision, on %1.</source>
        <translation>Depuis votre dernière supervision, le %1.</translation>
    </message>
    <message>
        <source>No supervision logged yet: the last four weeks.</source>
        <translation>Aucune supervision enregistrée&#xa0;: les quatre dernières semaines.</translation>
    </message>
    <message>
        <source>Open questions (%1)</source>
        <translation>Questions en suspens (%1)</translation>
    </message>
    <message>
        <source>%1 · session %2</source>
        <translation>%1 · séance %2</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>No open questions.</source>
        <translation>Aucune question en suspens.</translation>
    </message>
    <message>
        <source>Sessions since then (%1)</source>
        <translation>Séances depuis lors (%1)</translation>
    </message>
    <message>
        <source>%1 · session %2 · %3</source>
        <translation>%1 · séance %2 · %3</translation>
    </message>
    <message numerus="yes">
        <source>%n shared</source>
        <translation>
            <numerusform>%n section partagée</numerusform>
            <numerusform>%n sections partagées</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n sessions so far.</source>
        <translation>
            <numerusform>%n séance jusqu’ici.</numerusform>
            <numerusform>%n séances jusqu’ici.</numerusform>
        </translation>
    </message>
    <message>
        <source>nothing shared</source>
        <translation>rien de partagé</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1&#xa0;: %2</translation>
    </message>
    <message>
        <source>No sessions in this period.</source>
        <translation>Aucune séance sur cette période.</translation>
    </message>
    <message>
        <source>Saved</source>
        <translation>Enregistré</translation>
    </message>
    <message>
        <source>Not saved — your text is kept here</source>
        <translation>Non enregistré — votre texte est conservé ici</translation>
    </message>
    <message>
        <source>Session %1: %2</source>
        <translation>Séance %1&#xa0;: %2</translation>
    </message>
    <message>
        <source>The presentation could not be saved.</source>
        <translation>La présentation n’a pas pu être enregistrée.</translation>
    </message>
</context>
<context>
    <name>PreviewView</name>
    <message>
        <source>← &amp;Back to the selection</source>
        <translation>← &amp;Retour à la sélection</translation>
    </message>
    <message>
        <source>Replacements and possible names</source>
        <translation>Remplacements et noms possibles</translation>
    </message>
    <message>
        <source>The document as it will be written</source>
        <translation>Le document tel qu’il sera écrit</translation>
    </message>
    <message>
        <source>Word</source>
        <translation>Mot</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Motif</translation>
    </message>
    <message>
        <source>Times</source>
        <translation>Occurrences</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>Décision</translation>
    </message>
    <message>
        <source>Possible names to decide on</source>
        <translation>Noms possibles à trancher</translation>
    </message>
    <message>
        <source>&amp;Redact</source>
        <translation>&amp;Masquer</translation>
    </message>
    <message>
        <source>Replace this word by [name?] in this export</source>
        <translation>Remplacer ce mot par [nom&#xa0;?] dans cet export</translation>
    </message>
    <message>
        <source>&amp;Keep</source>
        <translation>&amp;Conserver</translation>
    </message>
    <message>
        <source>Leave this word as written: it names no one</source>
        <translation>Laisser ce mot tel quel&#xa0;: il ne désigne personne</translation>
    </message>
    <message>
        <source>&amp;Add to the client&apos;s identity terms</source>
        <translation>A&amp;jouter aux termes identifiants du client</translation>
    </message>
    <message>
        <source>Register this word for the client: it is replaced now and in every later export</source>
        <translation>Enregistrer ce mot pour ce client&#xa0;: il est remplacé maintenant et dans tous les exports suivants</translation>
    </message>
    <message>
        <source>As %1</source>
        <translation>Comme %1</translation>
    </message>
    <message>
        <source>Redact all still to &amp;decide</source>
        <translation>Masquer tous les noms à &amp;trancher</translation>
    </message>
    <message>
        <source>Export status</source>
        <translation>État de l’export</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>&amp;Exporter…</translation>
    </message>
    <message>
        <source>Preview — exactly what will be written (%1)</source>
        <translation>Aperçu — exactement ce qui sera écrit (%1)</translation>
    </message>
    <message>
        <source>Possible name (%1): %2</source>
        <translation>Nom possible (%1)&#xa0;: %2</translation>
    </message>
    <message>
        <source>Replaced: %1</source>
        <translation>Remplacé&#xa0;: %1</translation>
    </message>
    <message>
        <source>replaced</source>
        <translation>remplacé</translation>
    </message>
    <message>
        <source>possible name</source>
        <translation>nom possible</translation>
    </message>
    <message>
        <source>The leak guard stopped the export here</source>
        <translation>Le contrôle anti-fuite a arrêté l’export ici</translation>
    </message>
    <message>
        <source>No possible names were found.</source>
        <translation>Aucun nom possible n’a été trouvé.</translation>
    </message>
    <message>
        <source>Possible names to decide on before exporting: %1. Redact or keep each, or add it to the client&apos;s identity terms.</source>
        <translation>Noms possibles à trancher avant l’export&#xa0;: %1. Masquez-les ou conservez-les un par un, ou ajoutez-les aux termes identifiants du client.</translation>
    </message>
    <message>
        <source>Every possible name is decided.</source>
        <translation>Tous les noms possibles sont tranchés.</translation>
    </message>
    <message>
        <source>Replacements: %1 · possible names: %2</source>
        <translation>Remplacements&#xa0;: %1 · noms possibles&#xa0;: %2</translation>
    </message>
</context>
<context>
    <name>PrivacyCounts</name>
    <message numerus="yes">
        <source>%n sessions</source>
        <translation>
            <numerusform>%n séance</numerusform>
            <numerusform>%n séances</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n note sections</source>
        <translation>
            <numerusform>%n section de note</numerusform>
            <numerusform>%n sections de notes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n reflections</source>
        <translation>
            <numerusform>%n réflexion</numerusform>
            <numerusform>%n réflexions</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n identity details</source>
        <translation>
            <numerusform>%n donnée d’identité</numerusform>
            <numerusform>%n données d’identité</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PrivacyPage</name>
    <message>
        <source>Privacy</source>
        <translation>Confidentialité</translation>
    </message>
    <message>
        <source>Your notes are health data about your clients. Keep them no longer than needed, erase a client&apos;s data on request, and give clients what the journal holds about them when they ask.</source>
        <translation>Vos notes sont des données de santé concernant vos clients. Ne les conservez pas plus longtemps que nécessaire, effacez les données d’un client à sa demande, et remettez aux clients ce que le journal contient à leur sujet quand ils le demandent.</translation>
    </message>
    <message>
        <source>Retention reminder</source>
        <translation>Rappel de conservation</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>Client</translation>
    </message>
    <message>
        <source>Closed on</source>
        <translation>Terminé le</translation>
    </message>
    <message>
        <source>Last session</source>
        <translation>Dernière séance</translation>
    </message>
    <message>
        <source>Kept until</source>
        <translation>Conservé jusqu’au</translation>
    </message>
    <message>
        <source>What would be erased</source>
        <translation>Ce qui serait effacé</translation>
    </message>
    <message>
        <source>Closed clients past their retention period</source>
        <translation>Accompagnements terminés ayant dépassé leur durée de conservation</translation>
    </message>
    <message>
        <source>Erase selected client…</source>
        <translation>Effacer le client sélectionné…</translation>
    </message>
    <message>
        <source>One client</source>
        <translation>Un client</translation>
    </message>
    <message>
        <source>Client:</source>
        <translation>Client&#xa0;:</translation>
    </message>
    <message>
        <source>Retention:</source>
        <translation>Conservation&#xa0;:</translation>
    </message>
    <message>
        <source>The default</source>
        <translation>Par défaut</translation>
    </message>
    <message numerus="yes">
        <source> years</source>
        <translation>
            <numerusform> an</numerusform>
            <numerusform> ans</numerusform>
        </translation>
    </message>
    <message>
        <source>This client&apos;s own period, in years</source>
        <translation>Durée propre à ce client, en années</translation>
    </message>
    <message>
        <source>Reason (for example: a complaint is pending)</source>
        <translation>Motif (par exemple&#xa0;: une plainte est en cours)</translation>
    </message>
    <message>
        <source>Reason for this client&apos;s own period</source>
        <translation>Motif de la durée propre à ce client</translation>
    </message>
    <message>
        <source>Set period</source>
        <translation>Appliquer la durée</translation>
    </message>
    <message>
        <source>Own period:</source>
        <translation>Durée propre&#xa0;:</translation>
    </message>
    <message>
        <source>Access request: withhold these sections, where the law allows:</source>
        <translation>Demande d’accès&#xa0;: ne pas communiquer ces sections, si la loi le permet&#xa0;:</translation>
    </message>
    <message>
        <source>English</source>
        <translation>Anglais</translation>
    </message>
    <message>
        <source>French</source>
        <translation>Français</translation>
    </message>
    <message>
        <source>Language of the access export</source>
        <translation>Langue de l’export pour la demande d’accès</translation>
    </message>
    <message>
        <source>Language:</source>
        <translation>Langue&#xa0;:</translation>
    </message>
    <message>
        <source>Export PDF and JSON…</source>
        <translation>Exporter en PDF et JSON…</translation>
    </message>
    <message>
        <source>Erase client…</source>
        <translation>Effacer le client…</translation>
    </message>
    <message>
        <source>Retention period</source>
        <translation>Durée de conservation</translation>
    </message>
    <message>
        <source>How long a closed client&apos;s records are kept, counted from the last session. Ten years is the common practice; a client may have their own period.</source>
        <translation>Combien de temps les données d’un accompagnement terminé sont conservées, à compter de la dernière séance. Dix ans est l’usage courant&#xa0;; un client peut avoir sa propre durée.</translation>
    </message>
    <message>
        <source>Default retention period, in years</source>
        <translation>Durée de conservation par défaut, en années</translation>
    </message>
    <message>
        <source>Set default</source>
        <translation>Appliquer par défaut</translation>
    </message>
    <message>
        <source>Default period:</source>
        <translation>Durée par défaut&#xa0;:</translation>
    </message>
    <message>
        <source>Record of processing and privacy notice</source>
        <translation>Registre des traitements et notice d’information</translation>
    </message>
    <message>
        <source>A pre-filled record of processing activities (GDPR Art. 30) and a short notice for your clients, with your retention period and the journal&apos;s real security settings. Save them, then complete and edit them.</source>
        <translation>Un registre des activités de traitement prérempli (RGPD, art. 30) et une courte notice pour vos clients, avec votre durée de conservation et les réglages de sécurité réels du journal. Enregistrez-les, puis complétez-les et adaptez-les.</translation>
    </message>
    <message>
        <source>Record of processing</source>
        <translation>Registre des traitements</translation>
    </message>
    <message>
        <source>Privacy notice for clients</source>
        <translation>Notice d’information pour les clients</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>Document</translation>
    </message>
    <message>
        <source>Language of the document</source>
        <translation>Langue du document</translation>
    </message>
    <message>
        <source>Save as Markdown…</source>
        <translation>Enregistrer en Markdown…</translation>
    </message>
    <message>
        <source>Save as PDF…</source>
        <translation>Enregistrer en PDF…</translation>
    </message>
    <message numerus="yes">
        <source>%n closed clients are past their retention period. Erase them, or give them their own period with a reason.</source>
        <translation>
            <numerusform>%n client dont l’accompagnement est terminé a dépassé sa durée de conservation. Effacez-le, ou donnez-lui une durée propre, avec un motif.</numerusform>
            <numerusform>%n clients dont l’accompagnement est terminé ont dépassé leur durée de conservation. Effacez-les, ou donnez-leur une durée propre, avec un motif.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n years after the last session (own period: %1); kept until %2.</source>
        <translation>
            <numerusform>%n an après la dernière séance (durée propre&#xa0;: %1)&#xa0;; conservé jusqu’au %2.</numerusform>
            <numerusform>%n ans après la dernière séance (durée propre&#xa0;: %1)&#xa0;; conservé jusqu’au %2.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n years after the last session (the default); kept until %1.</source>
        <translation>
            <numerusform>%n an après la dernière séance (durée par défaut)&#xa0;; conservé jusqu’au %1.</numerusform>
            <numerusform>%n ans après la dernière séance (durée par défaut)&#xa0;; conservé jusqu’au %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The default retention period is now %n years.</source>
        <translation>
            <numerusform>La durée de conservation par défaut est désormais de %n an.</numerusform>
            <numerusform>La durée de conservation par défaut est désormais de %n ans.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The client was anonymised: %n reflections kept without anything identifying.</source>
        <translation>
            <numerusform>Le client a été anonymisé&#xa0;: %n réflexion conservée sans élément identifiant.</numerusform>
            <numerusform>Le client a été anonymisé&#xa0;: %n réflexions conservées sans élément identifiant.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n older backups were deleted.</source>
        <translation>
            <numerusform>%n ancienne sauvegarde a été supprimée.</numerusform>
            <numerusform>%n anciennes sauvegardes ont été supprimées.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n older backups could not be deleted: delete them in the backup folder.</source>
        <translation>
            <numerusform>%n ancienne sauvegarde n’a pas pu être supprimée&#xa0;: supprimez-la dans le dossier de sauvegarde.</numerusform>
            <numerusform>%n anciennes sauvegardes n’ont pas pu être supprimées&#xa0;: supprimez-les dans le dossier de sauvegarde.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The client&apos;s data was written as PDF and JSON (%n sessions). Withheld sections are stated as such in both files.</source>
        <translation>
            <numerusform>Les données du client ont été écrites en PDF et en JSON (%n séance). Les sections non communiquées sont signalées comme telles dans les deux fichiers.</numerusform>
            <numerusform>Les données du client ont été écrites en PDF et en JSON (%n séances). Les sections non communiquées sont signalées comme telles dans les deux fichiers.</numerusform>
        </translation>
    </message>
    <message>
        <source>No closed client is past their retention period.</source>
        <translation>Aucun accompagnement terminé n’a dépassé sa durée de conservation.</translation>
    </message>
    <message>
        <source>No client yet.</source>
        <translation>Aucun client.</translation>
    </message>
    <message>
        <source>no reason given</source>
        <translation>sans motif indiqué</translation>
    </message>
    <message>
        <source>The client is active: nothing is due before they are closed.</source>
        <translation>Le client est actif&#xa0;: rien n’est dû avant la fin de l’accompagnement.</translation>
    </message>
    <message>
        <source>Give the reason for this client&apos;s own period.</source>
        <translation>Indiquez le motif de la durée propre à ce client.</translation>
    </message>
    <message>
        <source>This client&apos;s retention period was saved.</source>
        <translation>La durée de conservation de ce client a été enregistrée.</translation>
    </message>
    <message>
        <source>The client was erased.</source>
        <translation>Le client a été effacé.</translation>
    </message>
    <message>
        <source>Export a client&apos;s data</source>
        <translation>Exporter les données d’un client</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Writing the export…</source>
        <translation>Écriture de l’export…</translation>
    </message>
    <message>
        <source>Markdown (*.md)</source>
        <translation>Markdown (*.md)</translation>
    </message>
    <message>
        <source>Writing the document…</source>
        <translation>Écriture du document…</translation>
    </message>
    <message>
        <source>Saved. Complete the parts in brackets, then keep it with your records.</source>
        <translation>Enregistré. Complétez les parties entre crochets, puis conservez-le avec vos documents.</translation>
    </message>
    <message>
        <source>Writing failed. Nothing was written.</source>
        <translation>L’écriture a échoué. Rien n’a été écrit.</translation>
    </message>
</context>
<context>
    <name>PromptBrowser</name>
    <message>
        <source>Which prompts to list</source>
        <translation>Pistes à afficher</translation>
    </message>
    <message>
        <source>Search prompts</source>
        <translation>Rechercher des pistes</translation>
    </message>
    <message>
        <source>Prompts</source>
        <translation>Pistes de réflexion</translation>
    </message>
    <message>
        <source>&amp;Answer</source>
        <translation>&amp;Répondre</translation>
    </message>
    <message>
        <source>Answer this prompt</source>
        <translation>Répondre à cette piste</translation>
    </message>
    <message>
        <source>☆ Favourite</source>
        <translation>☆ Favori</translation>
    </message>
    <message>
        <source>Favourite prompt</source>
        <translation>Piste favorite</translation>
    </message>
    <message>
        <source>Delete prompt</source>
        <translation>Supprimer la piste</translation>
    </message>
    <message>
        <source>Delete this prompt of mine</source>
        <translation>Supprimer cette piste personnelle</translation>
    </message>
    <message>
        <source>Add my own prompt…</source>
        <translation>Nouvelle piste…</translation>
    </message>
    <message>
        <source>Add my own prompt</source>
        <translation>Ajouter ma propre piste</translation>
    </message>
    <message>
        <source>Free reflection</source>
        <translation>Réflexion libre</translation>
    </message>
    <message>
        <source>Write a free reflection, without a prompt</source>
        <translation>Écrire une réflexion libre, sans piste</translation>
    </message>
    <message>
        <source>Suggested for this session</source>
        <translation>Suggérées pour cette séance</translation>
    </message>
    <message>
        <source>Favourites</source>
        <translation>Favorites</translation>
    </message>
    <message>
        <source>All prompts</source>
        <translation>Toutes les pistes</translation>
    </message>
    <message>
        <source>%1 — answered</source>
        <translation>%1 — avec réponse</translation>
    </message>
    <message>
        <source>No prompt matches this search.</source>
        <translation>Aucune piste ne correspond à cette recherche.</translation>
    </message>
    <message>
        <source>No favourites yet: pin a prompt with ☆ Favourite to keep it at hand.</source>
        <translation>Aucune favorite pour l’instant&#xa0;: épinglez une piste avec ☆ Favori pour la garder sous la main.</translation>
    </message>
    <message>
        <source>Select a session to see prompts suggested for it.</source>
        <translation>Sélectionnez une séance pour voir les pistes suggérées.</translation>
    </message>
    <message>
        <source>No prompts here yet: add your own with “Add my own prompt…”.</source>
        <translation>Aucune piste ici pour l’instant&#xa0;: ajoutez les vôtres avec «&#xa0;Nouvelle piste…&#xa0;».</translation>
    </message>
    <message>
        <source>★ Favourite</source>
        <translation>★ Favori</translation>
    </message>
</context>
<context>
    <name>QuestionStatus</name>
    <message>
        <source>Open</source>
        <translation>En suspens</translation>
    </message>
    <message>
        <source>Discussed</source>
        <translation>Abordée</translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation>Résolue</translation>
    </message>
</context>
<context>
    <name>QuestionsModel</name>
    <message>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>Client</translation>
    </message>
    <message>
        <source>Session</source>
        <translation>Séance</translation>
    </message>
    <message>
        <source>Question</source>
        <translation>Question</translation>
    </message>
    <message>
        <source>Discussed in</source>
        <translation>Abordée lors de</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
</context>
<context>
    <name>QuestionsPage</name>
    <message>
        <source>Questions for supervision</source>
        <translation>Questions pour la supervision</translation>
    </message>
    <message>
        <source>Show questions by status</source>
        <translation>Afficher les questions selon leur statut</translation>
    </message>
    <message>
        <source>All questions</source>
        <translation>Toutes les questions</translation>
    </message>
    <message>
        <source>Questions</source>
        <translation>Questions</translation>
    </message>
    <message>
        <source>The question</source>
        <translation>La question</translation>
    </message>
    <message>
        <source>Status:</source>
        <translation>Statut&#xa0;:</translation>
    </message>
    <message>
        <source>Mark as %1</source>
        <translation>Marquer comme %1</translation>
    </message>
    <message>
        <source>Supervision session it was discussed in</source>
        <translation>Séance de supervision où elle a été abordée</translation>
    </message>
    <message>
        <source>Log a supervision session…</source>
        <translation>Enregistrer une séance de supervision…</translation>
    </message>
    <message>
        <source>&amp;Discussed in:</source>
        <translation>&amp;Abordée lors de&#xa0;:</translation>
    </message>
    <message>
        <source>Supervisor’s &amp;answer, or what I learned</source>
        <translation>&amp;Réponse du superviseur, ou ce que j’ai appris</translation>
    </message>
    <message>
        <source>Supervisor’s answer, or what I learned</source>
        <translation>Réponse du superviseur, ou ce que j’ai appris</translation>
    </message>
    <message>
        <source>What came out of supervision for this question; saved as you type.</source>
        <translation>Ce qui est ressorti de la supervision pour cette question&#xa0;; enregistré au fil de la frappe.</translation>
    </message>
    <message>
        <source>&amp;Open the note</source>
        <translation>&amp;Ouvrir la note</translation>
    </message>
    <message>
        <source>Open the note this question comes from</source>
        <translation>Ouvrir la note d’où vient cette question</translation>
    </message>
    <message>
        <source>%1 open</source>
        <translation>%1 en suspens</translation>
    </message>
    <message>
        <source>No open questions. Write them in a note’s “Questions for supervision” section, or mark a reflection as a question.</source>
        <translation>Aucune question en suspens. Écrivez-les dans la section «&#xa0;Questions pour la supervision&#xa0;» d’une note, ou marquez une réflexion comme question.</translation>
    </message>
    <message>
        <source>No question is waiting for its answer.</source>
        <translation>Aucune question n’attend de réponse.</translation>
    </message>
    <message>
        <source>No resolved questions yet.</source>
        <translation>Aucune question résolue pour l’instant.</translation>
    </message>
    <message>
        <source>No questions for supervision yet. Write them in a note’s “Questions for supervision” section, or mark a reflection as a question.</source>
        <translation>Aucune question pour la supervision pour l’instant. Écrivez-les dans la section «&#xa0;Questions pour la supervision&#xa0;» d’une note, ou marquez une réflexion comme question.</translation>
    </message>
    <message>
        <source>Not discussed yet</source>
        <translation>Pas encore abordée</translation>
    </message>
    <message>
        <source>No supervision session logged yet</source>
        <translation>Aucune séance de supervision enregistrée</translation>
    </message>
    <message>
        <source>Reflection</source>
        <translation>Réflexion</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>%1 · Session %2 · %3 · %4</source>
        <translation>%1 · Séance %2 · %3 · %4</translation>
    </message>
    <message>
        <source>Saved</source>
        <translation>Enregistré</translation>
    </message>
</context>
<context>
    <name>RecurringDialog</name>
    <message>
        <source>Recurring entries</source>
        <translation>Entrées récurrentes</translation>
    </message>
    <message>
        <source>Log a regular arrangement at once, for example supervision every other Tuesday. Each date becomes an entry you can edit or delete later.</source>
        <translation>Enregistrez d’un coup un rendez-vous régulier, par exemple une supervision un mardi sur deux. Chaque date devient une entrée que vous pourrez modifier ou supprimer ensuite.</translation>
    </message>
    <message>
        <source>Kind of activity</source>
        <translation>Type d’activité</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>Format</translation>
    </message>
    <message>
        <source>Group size: supervisees, not counting the supervisor</source>
        <translation>Taille du groupe&#xa0;: supervisés, sans compter le superviseur</translation>
    </message>
    <message>
        <source>not given</source>
        <translation>non précisée</translation>
    </message>
    <message>
        <source>Modality</source>
        <translation>Modalité</translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>Provider or supervisor</source>
        <translation>Organisme ou superviseur</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Intitulé</translation>
    </message>
    <message>
        <source>Duration in hours and minutes</source>
        <translation>Durée en heures et minutes</translation>
    </message>
    <message>
        <source>h:mm, e.g. 1:30</source>
        <translation>h:mm, p. ex. 1:30</translation>
    </message>
    <message>
        <source>First date</source>
        <translation>Première date</translation>
    </message>
    <message>
        <source>Last date</source>
        <translation>Dernière date</translation>
    </message>
    <message>
        <source>Every how many weeks</source>
        <translation>Toutes les combien de semaines</translation>
    </message>
    <message>
        <source>Entries to create</source>
        <translation>Entrées à créer</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Erreur</translation>
    </message>
    <message>
        <source>&amp;Kind</source>
        <translation>&amp;Type</translation>
    </message>
    <message>
        <source>&amp;Format</source>
        <translation>&amp;Format</translation>
    </message>
    <message>
        <source>&amp;Group size
(supervisees, not counting the supervisor)</source>
        <translation>Taille du &amp;groupe
(supervisés, sans compter le superviseur)</translation>
    </message>
    <message>
        <source>M&amp;odality</source>
        <translation>M&amp;odalité</translation>
    </message>
    <message>
        <source>&amp;Provider or supervisor</source>
        <translation>Organisme ou &amp;superviseur</translation>
    </message>
    <message>
        <source>&amp;Title</source>
        <translation>&amp;Intitulé</translation>
    </message>
    <message>
        <source>D&amp;uration</source>
        <translation>D&amp;urée</translation>
    </message>
    <message>
        <source>F&amp;rom</source>
        <translation>&amp;Du</translation>
    </message>
    <message>
        <source>&amp;To</source>
        <translation>&amp;Au</translation>
    </message>
    <message>
        <source>&amp;Every … weeks</source>
        <translation>Toutes les … s&amp;emaines</translation>
    </message>
    <message numerus="yes">
        <source>Create %n entries</source>
        <translation>
            <numerusform>Créer %n entrée</numerusform>
            <numerusform>Créer %n entrées</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n entries, each on a %1, from %2 to %3.</source>
        <translation>
            <numerusform>%n entrée, un %1, du %2 au %3.</numerusform>
            <numerusform>%n entrées, chacune un %1, du %2 au %3.</numerusform>
        </translation>
    </message>
    <message>
        <source>Create</source>
        <translation>Créer</translation>
    </message>
    <message>
        <source>The last date is before the first.</source>
        <translation>La dernière date est antérieure à la première.</translation>
    </message>
    <message>
        <source>That is more than %1 entries: choose a nearer last date.</source>
        <translation>Cela fait plus de %1 entrées&#xa0;: choisissez une dernière date plus proche.</translation>
    </message>
    <message>
        <source>Give the duration in hours and minutes, e.g. 1:30.</source>
        <translation>Indiquez la durée en heures et minutes, p. ex. 1:30.</translation>
    </message>
</context>
<context>
    <name>ReflectPanel</name>
    <message>
        <source>Reflect</source>
        <translation>Réflexion</translation>
    </message>
    <message>
        <source>Reflections save status</source>
        <translation>État de l’enregistrement des réflexions</translation>
    </message>
    <message>
        <source>My answers for this session</source>
        <translation>Mes réponses pour cette séance</translation>
    </message>
    <message>
        <source>No answers yet: choose a prompt above and press Answer, or write a free reflection.</source>
        <translation>Aucune réponse pour l’instant&#xa0;: choisissez une piste ci-dessus et cliquez sur Répondre, ou écrivez une réflexion libre.</translation>
    </message>
    <message>
        <source>Prompts</source>
        <translation>Pistes de réflexion</translation>
    </message>
    <message>
        <source>Feelings</source>
        <translation>Ressentis</translation>
    </message>
    <message>
        <source>Select a session to reflect on it: prompts, your answers and what you felt.</source>
        <translation>Sélectionnez une séance pour y réfléchir&#xa0;: pistes, réponses et ressentis.</translation>
    </message>
    <message>
        <source>What did I feel with this client today? Click a feeling once for slight, twice for clear, three times for strong.</source>
        <translation>Qu’ai-je ressenti avec ce client aujourd’hui&#xa0;? Cliquez une fois sur un ressenti s’il était léger, deux fois s’il était net, trois fois s’il était fort.</translation>
    </message>
    <message>
        <source>Patterns over time</source>
        <translation>Tendances dans le temps</translation>
    </message>
    <message>
        <source>Larger view…</source>
        <translation>Agrandir…</translation>
    </message>
    <message>
        <source>Show the patterns chart larger</source>
        <translation>Afficher le graphique des tendances en plus grand</translation>
    </message>
    <message>
        <source>Session %1 · %2</source>
        <translation>Séance %1 · %2</translation>
    </message>
    <message>
        <source>Free reflection</source>
        <translation>Réflexion libre</translation>
    </message>
    <message>
        <source>A prompt no longer in the library</source>
        <translation>Une piste qui n’est plus dans la bibliothèque</translation>
    </message>
    <message>
        <source>Saved</source>
        <translation>Enregistré</translation>
    </message>
    <message>
        <source>Not saved — your text is kept here</source>
        <translation>Non enregistré — votre texte est conservé ici</translation>
    </message>
    <message>
        <source>Your reflection could not be saved.</source>
        <translation>Votre réflexion n’a pas pu être enregistrée.</translation>
    </message>
    <message>
        <source>Delete this answer?</source>
        <translation>Supprimer cette réponse&#xa0;?</translation>
    </message>
    <message>
        <source>It is removed from the journal and cannot be brought back.</source>
        <translation>Elle sera retirée du journal et ne pourra pas être récupérée.</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Supprimer</translation>
    </message>
    <message>
        <source>Delete this prompt of yours?</source>
        <translation>Supprimer cette piste personnelle&#xa0;?</translation>
    </message>
    <message>
        <source>Your answers to it are kept.</source>
        <translation>Vos réponses à cette piste sont conservées.</translation>
    </message>
</context>
<context>
    <name>ReportView</name>
    <message>
        <source>Profile of the report</source>
        <translation>Profil du rapport</translation>
    </message>
    <message>
        <source>Cycle of the report</source>
        <translation>Cycle du rapport</translation>
    </message>
    <message>
        <source>Language of the report</source>
        <translation>Langue du rapport</translation>
    </message>
    <message>
        <source>File format</source>
        <translation>Format de fichier</translation>
    </message>
    <message>
        <source>PDF (to sign and send)</source>
        <translation>PDF (à signer et envoyer)</translation>
    </message>
    <message>
        <source>CSV (spreadsheet)</source>
        <translation>CSV (tableur)</translation>
    </message>
    <message>
        <source>Markdown (plain text)</source>
        <translation>Markdown (texte brut)</translation>
    </message>
    <message>
        <source>&amp;Profile</source>
        <translation>&amp;Profil</translation>
    </message>
    <message>
        <source>C&amp;ycle</source>
        <translation>&amp;Cycle</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Langue</translation>
    </message>
    <message>
        <source>&amp;Format</source>
        <translation>&amp;Format</translation>
    </message>
    <message>
        <source>The report lists your activities with what you learned and its impact, totals per requirement and a signature line. Client pseudonyms and identifying details are replaced by their role wherever they were typed.</source>
        <translation>Le rapport liste vos activités avec ce que vous avez appris et ses effets, les totaux par exigence et une ligne de signature. Les pseudonymes des clients et les éléments identifiants sont remplacés par leur rôle partout où ils ont été saisis.</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>&amp;Exporter…</translation>
    </message>
    <message>
        <source>Export the report</source>
        <translation>Exporter le rapport</translation>
    </message>
    <message>
        <source>Preparing the report</source>
        <translation>Préparation du rapport</translation>
    </message>
    <message>
        <source>Preview of the report</source>
        <translation>Aperçu du rapport</translation>
    </message>
    <message>
        <source>%1 to %2</source>
        <translation>%1 – %2</translation>
    </message>
    <message>
        <source>%1 (current)</source>
        <translation>%1 (en cours)</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>Fichiers PDF (*.pdf)</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>Fichiers CSV (*.csv)</translation>
    </message>
    <message>
        <source>Markdown files (*.md)</source>
        <translation>Fichiers Markdown (*.md)</translation>
    </message>
    <message>
        <source>Export the renewal report</source>
        <translation>Exporter le rapport de renouvellement</translation>
    </message>
    <message>
        <source>Preparing the report…</source>
        <translation>Préparation du rapport…</translation>
    </message>
    <message>
        <source>Report saved as %1.</source>
        <translation>Rapport enregistré sous %1.</translation>
    </message>
    <message>
        <source>The report could not be prepared.</source>
        <translation>Le rapport n’a pas pu être préparé.</translation>
    </message>
</context>
<context>
    <name>RestoreDialog</name>
    <message>
        <source>Restore the backup of %1</source>
        <translation>Restaurer la sauvegarde du %1</translation>
    </message>
    <message>
        <source>&amp;Side by side, into a new folder</source>
        <translation>À &amp;côté, dans un nouveau dossier</translation>
    </message>
    <message>
        <source>Your journal is not touched. The copy opens with the passphrase or recovery code valid when the backup was made: use it to look something up, or to test the backup.</source>
        <translation>Votre journal n’est pas modifié. La copie s’ouvre avec la phrase de passe ou le code de récupération valables au moment de la sauvegarde&#xa0;: utilisez-la pour retrouver quelque chose, ou pour tester la sauvegarde.</translation>
    </message>
    <message>
        <source>New folder for the restored copy</source>
        <translation>Nouveau dossier pour la copie restaurée</translation>
    </message>
    <message>
        <source>C&amp;hoose…</source>
        <translation>C&amp;hoisir…</translation>
    </message>
    <message>
        <source>&amp;Into place, replacing your journal</source>
        <translation>&amp;Sur place, en remplaçant votre journal</translation>
    </message>
    <message>
        <source>The journal closes, the backup is checked in full, your current files are copied into a “before-restore” folder inside the journal&apos;s folder, then the backup replaces them and the journal opens again. Anything saved after %1 is then only in that safety copy.</source>
        <translation>Le journal se ferme, la sauvegarde est vérifiée entièrement, vos fichiers actuels sont copiés dans un dossier «&#xa0;before-restore&#xa0;» à l’intérieur du dossier du journal, puis la sauvegarde les remplace et le journal se rouvre. Tout ce qui a été enregistré après le %1 ne se trouve alors que dans cette copie de sécurité.</translation>
    </message>
    <message>
        <source>Not available here: close the app and use “supervision-journal restore FILE”.</source>
        <translation>Indisponible ici&#xa0;: fermez l’application et utilisez «&#xa0;supervision-journal restore FICHIER&#xa0;».</translation>
    </message>
    <message>
        <source>Passphrase or recovery code</source>
        <translation>Phrase de passe ou code de récupération</translation>
    </message>
    <message>
        <source>&amp;Passphrase or recovery code:</source>
        <translation>&amp;Phrase de passe ou code de récupération&#xa0;:</translation>
    </message>
    <message>
        <source>The one that was valid when this backup was made (usually your current passphrase).</source>
        <translation>Celle ou celui qui était valable quand cette sauvegarde a été faite (en général votre phrase de passe actuelle).</translation>
    </message>
    <message>
        <source>&amp;Restore</source>
        <translation>&amp;Restaurer</translation>
    </message>
    <message>
        <source>Choose an empty folder for the restored copy</source>
        <translation>Choisir un dossier vide pour la copie restaurée</translation>
    </message>
    <message>
        <source>A journal already exists in that folder; choose a new folder.</source>
        <translation>Un journal existe déjà dans ce dossier&#xa0;; choisissez un nouveau dossier.</translation>
    </message>
    <message>
        <source>That is a file, not a folder.</source>
        <translation>C’est un fichier, pas un dossier.</translation>
    </message>
</context>
<context>
    <name>RestoreOffer</name>
    <message>
        <source>This passphrase or recovery code does not open the backup: it needs the one that was valid when the backup was made. Nothing was changed.</source>
        <translation>Cette phrase de passe ou ce code de récupération n’ouvre pas la sauvegarde&#xa0;: il faut celle ou celui qui était valable quand elle a été faite. Rien n’a été modifié.</translation>
    </message>
    <message>
        <source>The disk is full: nothing was restored and nothing was changed. Free some space and try again.</source>
        <translation>Le disque est plein&#xa0;: rien n’a été restauré ni modifié. Libérez de la place et réessayez.</translation>
    </message>
    <message>
        <source>The backup failed its check: nothing was changed. Try another backup.</source>
        <translation>La sauvegarde n’a pas passé la vérification&#xa0;: rien n’a été modifié. Essayez une autre sauvegarde.</translation>
    </message>
    <message>
        <source>Nothing was restored: %1</source>
        <translation>Rien n’a été restauré&#xa0;: %1</translation>
    </message>
    <message>
        <source>Nothing was restored because of an unexpected problem (error id %1).</source>
        <translation>Rien n’a été restauré à cause d’un problème inattendu (code d’erreur %1).</translation>
    </message>
    <message>
        <source>The backup was restored. Unlock to open it.</source>
        <translation>La sauvegarde a été restaurée. Déverrouillez pour l’ouvrir.</translation>
    </message>
    <message>
        <source>The files it replaced are kept in “%1”.</source>
        <translation>Les fichiers remplacés sont conservés dans «&#xa0;%1&#xa0;».</translation>
    </message>
    <message>
        <source>Restoring the backup: checking it in full, keeping a copy of the current files, then replacing them…</source>
        <translation>Restauration&#xa0;: vérification complète de la sauvegarde, copie des fichiers actuels, puis remplacement…</translation>
    </message>
    <message>
        <source>The backup was restored into “%1”; the damaged journal was not changed. To open the copy, start the app with: supervision-journal --vault “%1”</source>
        <translation>La sauvegarde a été restaurée dans «&#xa0;%1&#xa0;»&#xa0;; le journal endommagé n’a pas été modifié. Pour ouvrir la copie, lancez l’application avec&#xa0;: supervision-journal --vault «&#xa0;%1&#xa0;»</translation>
    </message>
    <message>
        <source>Restoring the backup into a new folder…</source>
        <translation>Restauration de la sauvegarde dans un nouveau dossier…</translation>
    </message>
    <message>
        <source>Passphrase or recovery code</source>
        <translation>Phrase de passe ou code de récupération</translation>
    </message>
    <message>
        <source>&amp;Passphrase or recovery code:</source>
        <translation>&amp;Phrase de passe ou code de récupération&#xa0;:</translation>
    </message>
    <message>
        <source>Restore into a &amp;new folder</source>
        <translation>Restaurer dans un &amp;nouveau dossier</translation>
    </message>
    <message>
        <source>Restore &amp;into place</source>
        <translation>Restaurer &amp;sur place</translation>
    </message>
    <message>
        <source>A backup of this journal made on %1 passed a full check just now (in “%2”). Restore it into place: the damaged files are first copied into a “before-restore” folder, so nothing is overwritten. Or restore it into a new folder and leave the damaged journal as it is. Anything saved after %1 is not in the backup.</source>
        <translation>Une sauvegarde de ce journal faite le %1 vient de passer une vérification complète (dans «&#xa0;%2&#xa0;»). Restaurez-la sur place&#xa0;: les fichiers endommagés sont d’abord copiés dans un dossier «&#xa0;before-restore&#xa0;», rien n’est donc écrasé. Ou restaurez-la dans un nouveau dossier et laissez le journal endommagé tel quel. Ce qui a été enregistré après le %1 n’est pas dans la sauvegarde.</translation>
    </message>
    <message>
        <source>None of the newest backups of this journal in “%1” passed its check. If you keep backups elsewhere (a USB stick), restore one with “supervision-journal restore FILE”.</source>
        <translation>Aucune des sauvegardes récentes de ce journal dans «&#xa0;%1&#xa0;» n’a passé la vérification. Si vous gardez des sauvegardes ailleurs (une clé USB), restaurez-en une avec «&#xa0;supervision-journal restore FICHIER&#xa0;».</translation>
    </message>
    <message>
        <source>No backup of this journal was found in “%1”. If you keep backups elsewhere (a USB stick), restore one with “supervision-journal restore FILE”.</source>
        <translation>Aucune sauvegarde de ce journal n’a été trouvée dans «&#xa0;%1&#xa0;». Si vous gardez des sauvegardes ailleurs (une clé USB), restaurez-en une avec «&#xa0;supervision-journal restore FICHIER&#xa0;».</translation>
    </message>
</context>
<context>
    <name>SealedViewer</name>
    <message>
        <source>Sealed export</source>
        <translation>Export chiffré</translation>
    </message>
    <message>
        <source>No file chosen.</source>
        <translation>Aucun fichier choisi.</translation>
    </message>
    <message>
        <source>&amp;Choose a file…</source>
        <translation>&amp;Choisir un fichier…</translation>
    </message>
    <message>
        <source>With its &amp;passphrase</source>
        <translation>Avec sa &amp;phrase de passe</translation>
    </message>
    <message>
        <source>With an age &amp;identity (secret key)</source>
        <translation>Avec une &amp;identité age (clé secrète)</translation>
    </message>
    <message>
        <source>Passphrase of the sealed file</source>
        <translation>Phrase de passe du fichier chiffré</translation>
    </message>
    <message>
        <source>age identity</source>
        <translation>identité age</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>&amp;Ouvrir</translation>
    </message>
    <message>
        <source>Viewer status</source>
        <translation>État de la visionneuse</translation>
    </message>
    <message>
        <source>Content of the sealed file</source>
        <translation>Contenu du fichier chiffré</translation>
    </message>
    <message>
        <source>Open a sealed export</source>
        <translation>Ouvrir un export chiffré</translation>
    </message>
    <message>
        <source>Sealed exports (*.age)</source>
        <translation>Exports chiffrés (*.age)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>This file is not a sealed export (age format).</source>
        <translation>Ce fichier n’est pas un export chiffré (format age).</translation>
    </message>
    <message>
        <source>File: %1</source>
        <translation>Fichier&#xa0;: %1</translation>
    </message>
    <message>
        <source>A sealed file is loaded.</source>
        <translation>Un fichier chiffré est chargé.</translation>
    </message>
    <message>
        <source>Give its passphrase or an age identity, then Open.</source>
        <translation>Indiquez sa phrase de passe ou une identité age, puis cliquez sur Ouvrir.</translation>
    </message>
    <message>
        <source>Type the passphrase first.</source>
        <translation>Saisissez d’abord la phrase de passe.</translation>
    </message>
    <message>
        <source>Paste an age identity (AGE-SECRET-KEY-1…).</source>
        <translation>Collez une identité age (AGE-SECRET-KEY-1…).</translation>
    </message>
    <message>
        <source>Opening… (a passphrase takes a few seconds)</source>
        <translation>Ouverture… (quelques secondes avec une phrase de passe)</translation>
    </message>
    <message>
        <source>Opened. Nothing was written to disk; closing this window forgets the text.</source>
        <translation>Ouvert. Rien n’a été écrit sur le disque&#xa0;; fermer cette fenêtre efface le texte.</translation>
    </message>
    <message numerus="yes">
        <source>Opened (a PDF of %n pages). Nothing was written to disk.</source>
        <translation>
            <numerusform>Ouvert (un PDF de %n page). Rien n’a été écrit sur le disque.</numerusform>
            <numerusform>Ouvert (un PDF de %n pages). Rien n’a été écrit sur le disque.</numerusform>
        </translation>
    </message>
    <message>
        <source>Opened (the text of a PDF). Nothing was written to disk.</source>
        <translation>Ouvert (le texte d’un PDF). Rien n’a été écrit sur le disque.</translation>
    </message>
    <message>
        <source>This sealed file holds a PDF, which this viewer cannot show here. Open it with an age tool and a PDF reader.</source>
        <translation>Ce fichier chiffré contient un PDF, que cette visionneuse ne peut pas afficher ici. Ouvrez-le avec un outil age et un lecteur PDF.</translation>
    </message>
    <message>
        <source>The sealed file does not open: wrong passphrase or key, or the file was damaged or truncated. Nothing was shown.</source>
        <translation>Le fichier chiffré ne s’ouvre pas&#xa0;: phrase de passe ou clé erronée, ou fichier endommagé ou tronqué. Rien n’a été affiché.</translation>
    </message>
    <message>
        <source>The sealed file cannot be read: %1</source>
        <translation>Impossible de lire le fichier chiffré&#xa0;: %1</translation>
    </message>
    <message>
        <source>The sealed file is damaged. Nothing was shown.</source>
        <translation>Le fichier chiffré est endommagé. Rien n’a été affiché.</translation>
    </message>
</context>
<context>
    <name>SearchPanel</name>
    <message>
        <source>Search notes and reflections (Ctrl+K)</source>
        <translation>Rechercher dans les notes et réflexions (Ctrl+K)</translation>
    </message>
    <message>
        <source>Search notes and reflections</source>
        <translation>Rechercher dans les notes et réflexions</translation>
    </message>
    <message>
        <source>Search results</source>
        <translation>Résultats de la recherche</translation>
    </message>
    <message>
        <source>Only this client</source>
        <translation>Uniquement ce client</translation>
    </message>
    <message>
        <source>Any tag</source>
        <translation>Toutes</translation>
    </message>
    <message>
        <source>Only sessions with this tag</source>
        <translation>Uniquement les séances avec cette étiquette</translation>
    </message>
    <message>
        <source>From date</source>
        <translation>Date de début</translation>
    </message>
    <message>
        <source>To date</source>
        <translation>Date de fin</translation>
    </message>
    <message>
        <source>&amp;Client</source>
        <translation>&amp;Client</translation>
    </message>
    <message>
        <source>T&amp;ag</source>
        <translation>É&amp;tiquette</translation>
    </message>
    <message>
        <source>&amp;From</source>
        <translation>&amp;Du</translation>
    </message>
    <message>
        <source>T&amp;o</source>
        <translation>&amp;Au</translation>
    </message>
    <message>
        <source>Any</source>
        <translation>Sans limite</translation>
    </message>
    <message>
        <source>All clients</source>
        <translation>Tous les clients</translation>
    </message>
    <message>
        <source>Press Enter to search.</source>
        <translation>Appuyez sur Entrée pour lancer la recherche.</translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation>Recherche…</translation>
    </message>
    <message>
        <source>Nothing found. Try fewer words or other filters.</source>
        <translation>Aucun résultat. Essayez avec moins de mots ou d’autres filtres.</translation>
    </message>
    <message>
        <source>The first %1 results, best first.</source>
        <translation>Les %1 premiers résultats, les plus pertinents en tête.</translation>
    </message>
    <message numerus="yes">
        <source>Results: %n</source>
        <translation>
            <numerusform>Résultat&#xa0;: %n</numerusform>
            <numerusform>Résultats&#xa0;: %n</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SearchResultModel</name>
    <message>
        <source>No client</source>
        <translation>Sans client</translation>
    </message>
    <message>
        <source>Session %1</source>
        <translation>Séance %1</translation>
    </message>
    <message>
        <source>Reflection</source>
        <translation>Réflexion</translation>
    </message>
</context>
<context>
    <name>SectionEditor</name>
    <message>
        <source>Shows or hides this section</source>
        <translation>Affiche ou masque cette section</translation>
    </message>
    <message>
        <source>Changed since approval — approve again</source>
        <translation>Modifié depuis l’approbation — à réapprouver</translation>
    </message>
    <message>
        <source>Keep unshared</source>
        <translation>Ne pas partager</translation>
    </message>
    <message>
        <source>Keep this section unshared</source>
        <translation>Ne pas partager cette section</translation>
    </message>
    <message>
        <source>Share in supervision</source>
        <translation>Partager en supervision</translation>
    </message>
    <message>
        <source>Share “%1” in supervision</source>
        <translation>Partager «&#xa0;%1&#xa0;» en supervision</translation>
    </message>
    <message>
        <source>Expanded</source>
        <translation>Déplié</translation>
    </message>
    <message>
        <source>Collapsed</source>
        <translation>Replié</translation>
    </message>
</context>
<context>
    <name>SectionTitles</name>
    <message>
        <source>What the client brought</source>
        <translation>Ce que le client a apporté</translation>
    </message>
    <message>
        <source>What happened</source>
        <translation>Ce qui s’est passé</translation>
    </message>
    <message>
        <source>My interventions, and why</source>
        <translation>Mes interventions, et pourquoi</translation>
    </message>
    <message>
        <source>The relationship (transference)</source>
        <translation>La relation (transfert)</translation>
    </message>
    <message>
        <source>Countertransference: what I felt, in my body, my urges</source>
        <translation>Contre-transfert&#xa0;: mon vécu</translation>
    </message>
    <message>
        <source>Hypotheses</source>
        <translation>Hypothèses</translation>
    </message>
    <message>
        <source>Ethics: boundaries, risk, scope</source>
        <translation>Éthique&#xa0;: cadre, risques, champ de compétence</translation>
    </message>
    <message>
        <source>Plan</source>
        <translation>Suite à donner</translation>
    </message>
    <message>
        <source>Questions for supervision</source>
        <translation>Questions pour la supervision</translation>
    </message>
    <message>
        <source>Private — never shared</source>
        <translation>Privé — jamais partagé</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>Themes, requests, events since last time</source>
        <translation>Thèmes, demandes, événements depuis la dernière fois</translation>
    </message>
    <message>
        <source>How the session unfolded</source>
        <translation>Comment la séance s’est déroulée</translation>
    </message>
    <message>
        <source>What I did or said, and my reasons</source>
        <translation>Ce que j’ai fait ou dit, et mes raisons</translation>
    </message>
    <message>
        <source>How the client related to me today</source>
        <translation>Comment le client a été en relation avec moi aujourd’hui</translation>
    </message>
    <message>
        <source>Feelings, sensations, what I wanted to do or avoid</source>
        <translation>Ressentis, sensations, ce que j’avais envie de faire ou d’éviter</translation>
    </message>
    <message>
        <source>What might be going on</source>
        <translation>Ce qui se joue peut-être</translation>
    </message>
    <message>
        <source>Boundaries, risk, limits of my competence</source>
        <translation>Cadre, risques, limites de ma compétence</translation>
    </message>
    <message>
        <source>For next time</source>
        <translation>Pour la prochaine fois</translation>
    </message>
    <message>
        <source>What I want to bring to supervision</source>
        <translation>Ce que je veux apporter en supervision</translation>
    </message>
    <message>
        <source>Only for me: never approved, never exported</source>
        <translation>Pour moi seul&#xa0;: jamais approuvé, jamais exporté</translation>
    </message>
    <message>
        <source>Write freely</source>
        <translation>Écrivez librement</translation>
    </message>
</context>
<context>
    <name>SelectionView</name>
    <message>
        <source>Export for supervision</source>
        <translation>Export pour la supervision</translation>
    </message>
    <message>
        <source>Only approved sections and reflections can leave the journal. Names, places, dates and contact details are replaced; you see the result before anything is written.</source>
        <translation>Seules les sections et réflexions approuvées peuvent quitter le journal. Les noms, lieux, dates et coordonnées sont remplacés&#xa0;; vous voyez le résultat avant toute écriture.</translation>
    </message>
    <message>
        <source>What to share</source>
        <translation>À partager</translation>
    </message>
    <message>
        <source>Approval</source>
        <translation>Approbation</translation>
    </message>
    <message>
        <source>Clients, sessions and sections to share</source>
        <translation>Clients, séances et sections à partager</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Du</translation>
    </message>
    <message>
        <source>to</source>
        <translation>au</translation>
    </message>
    <message>
        <source>Sessions from</source>
        <translation>Séances à partir du</translation>
    </message>
    <message>
        <source>Sessions up to</source>
        <translation>Séances jusqu’au</translation>
    </message>
    <message>
        <source>Dates:</source>
        <translation>Dates&#xa0;:</translation>
    </message>
    <message>
        <source>What the export will hold</source>
        <translation>Ce que contiendra l’export</translation>
    </message>
    <message>
        <source>Open a sealed file…</source>
        <translation>Ouvrir un fichier chiffré…</translation>
    </message>
    <message>
        <source>Read an export sealed with age, without writing it to disk</source>
        <translation>Lire un export chiffré avec age, sans l’écrire sur le disque</translation>
    </message>
    <message>
        <source>&amp;Preview…</source>
        <translation>&amp;Aperçu…</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>Document</translation>
    </message>
    <message>
        <source>Language of the document</source>
        <translation>Langue du document</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Langue&#xa0;:</translation>
    </message>
    <message>
        <source>for example: my supervisor</source>
        <translation>par exemple&#xa0;: mon superviseur</translation>
    </message>
    <message>
        <source>Who the document is for</source>
        <translation>Destinataire du document</translation>
    </message>
    <message>
        <source>&amp;For:</source>
        <translation>&amp;Pour&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Markdown</source>
        <translation>&amp;Markdown</translation>
    </message>
    <message>
        <source>&amp;HTML</source>
        <translation>&amp;HTML</translation>
    </message>
    <message>
        <source>P&amp;DF</source>
        <translation>P&amp;DF</translation>
    </message>
    <message>
        <source>Format:</source>
        <translation>Format&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Not sealed</source>
        <translation>&amp;Non chiffré</translation>
    </message>
    <message>
        <source>Sealed with a pass&amp;phrase</source>
        <translation>Chiffré avec une p&amp;hrase de passe</translation>
    </message>
    <message>
        <source>Sealed to my supervisor&apos;s age &amp;key</source>
        <translation>Chiffré pour la &amp;clé age de mon superviseur</translation>
    </message>
    <message>
        <source>Sealing:</source>
        <translation>Chiffrement&#xa0;:</translation>
    </message>
    <message>
        <source>Sealing passphrase</source>
        <translation>Phrase de passe de chiffrement</translation>
    </message>
    <message>
        <source>Sealing passphrase, again</source>
        <translation>Phrase de passe de chiffrement, à nouveau</translation>
    </message>
    <message>
        <source>Passphrase:</source>
        <translation>Phrase de passe&#xa0;:</translation>
    </message>
    <message>
        <source>Again:</source>
        <translation>À nouveau&#xa0;:</translation>
    </message>
    <message>
        <source>Supervisor&apos;s age public key</source>
        <translation>Clé publique age du superviseur</translation>
    </message>
    <message>
        <source>Public key:</source>
        <translation>Clé publique&#xa0;:</translation>
    </message>
    <message>
        <source>Your supervisor opens a sealed file with any age tool, or with this app&apos;s viewer. The key is remembered in the vault.</source>
        <translation>Votre superviseur ouvre un fichier chiffré avec n’importe quel outil age, ou avec la visionneuse de cette application. La clé est mémorisée dans le coffre.</translation>
    </message>
    <message>
        <source>Sessions: %1</source>
        <translation>Séances&#xa0;: %1</translation>
    </message>
    <message>
        <source>…</source>
        <translation>…</translation>
    </message>
    <message>
        <source>No sessions yet</source>
        <translation>Aucune séance</translation>
    </message>
    <message>
        <source>Session %1 · %2</source>
        <translation>Séance %1 · %2</translation>
    </message>
    <message>
        <source>Case presentation</source>
        <translation>Présentation de cas</translation>
    </message>
    <message>
        <source>Reflection — %1</source>
        <translation>Réflexion — %1</translation>
    </message>
    <message>
        <source>Reflection</source>
        <translation>Réflexion</translation>
    </message>
    <message>
        <source>empty</source>
        <translation>vide</translation>
    </message>
    <message>
        <source>%1 approved · %2 left out</source>
        <translation>approuvées&#xa0;: %1 · écartées&#xa0;: %2</translation>
    </message>
    <message>
        <source>%1 approved</source>
        <translation>approuvées&#xa0;: %1</translation>
    </message>
    <message>
        <source>Tick clients, sessions or a case presentation.</source>
        <translation>Cochez des clients, des séances ou une présentation de cas.</translation>
    </message>
    <message>
        <source>Sessions selected: %1</source>
        <translation>Séances sélectionnées&#xa0;: %1</translation>
    </message>
    <message>
        <source>Reflections selected on their own: %1</source>
        <translation>Réflexions sélectionnées seules&#xa0;: %1</translation>
    </message>
    <message>
        <source>Approved sections to share: %1</source>
        <translation>Sections approuvées à partager&#xa0;: %1</translation>
    </message>
</context>
<context>
    <name>SessionListModel</name>
    <message>
        <source>Session %1 · %2 · %3 min</source>
        <translation>Séance %1 · %2 · %3 min</translation>
    </message>
</context>
<context>
    <name>SessionsPanel</name>
    <message>
        <source>Select a client to see their sessions.</source>
        <translation>Sélectionnez un client pour voir ses séances.</translation>
    </message>
    <message>
        <source>Sessions</source>
        <translation>Séances</translation>
    </message>
    <message>
        <source>New session</source>
        <translation>Nouvelle séance</translation>
    </message>
    <message>
        <source>New session (Ctrl+N)</source>
        <translation>Nouvelle séance (Ctrl+N)</translation>
    </message>
    <message>
        <source>Sessions of the selected client</source>
        <translation>Séances du client sélectionné</translation>
    </message>
    <message>
        <source>No sessions yet — start one with Ctrl+N</source>
        <translation>Aucune séance — commencez-en une avec Ctrl+N</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>System language</source>
        <translation>Langue du système</translation>
    </message>
    <message>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <source>Lock after this many idle minutes</source>
        <translation>Verrouiller après ce nombre de minutes d’inactivité</translation>
    </message>
    <message>
        <source>Follow the system</source>
        <translation>Comme le système</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Clair</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Sombre</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Langue&#xa0;:</translation>
    </message>
    <message>
        <source>Lock after &amp;idle time:</source>
        <translation>Verrouiller après &amp;inactivité&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Appearance:</source>
        <translation>&amp;Apparence&#xa0;:</translation>
    </message>
    <message>
        <source>The journal also locks when the screen locks, when the computer sleeps, and with Ctrl+L.</source>
        <translation>Le journal se verrouille aussi quand l’écran se verrouille, quand l’ordinateur se met en veille, et avec Ctrl+L.</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <source>In notes, lists and forms</source>
        <translation>Dans les notes, les listes et les formulaires</translation>
    </message>
    <message>
        <source>Undo, redo (each note section has its own history)</source>
        <translation>Annuler, rétablir (chaque section d’une note a son propre historique)</translation>
    </message>
    <message>
        <source>Next field, previous field</source>
        <translation>Champ suivant, champ précédent</translation>
    </message>
    <message>
        <source>Open the selected search result, answer the selected prompt</source>
        <translation>Ouvrir le résultat de recherche choisi, répondre à la question choisie</translation>
    </message>
    <message>
        <source>Leave the search results</source>
        <translation>Quitter les résultats de recherche</translation>
    </message>
    <message>
        <source>Save a form (activity, recurring entries)</source>
        <translation>Enregistrer un formulaire (activité, entrées récurrentes)</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Raccourcis clavier</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Touches</translation>
    </message>
</context>
<context>
    <name>SupervisionFormat</name>
    <message>
        <source>Individual</source>
        <translation>Individuelle</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>Groupe</translation>
    </message>
    <message>
        <source>Peer (intervision)</source>
        <translation>Intervision</translation>
    </message>
</context>
<context>
    <name>SupervisionLabel</name>
    <message>
        <source>supervisor not named</source>
        <translation>superviseur non précisé</translation>
    </message>
    <message>
        <source>%1 · %2 · %3</source>
        <translation>%1 · %2 · %3</translation>
    </message>
</context>
<context>
    <name>SupervisionLog</name>
    <message>
        <source>&amp;New supervision session</source>
        <translation>&amp;Nouvelle séance de supervision</translation>
    </message>
    <message>
        <source>Supervision sessions</source>
        <translation>Séances de supervision</translation>
    </message>
    <message>
        <source>No supervision session logged yet.</source>
        <translation>Aucune séance de supervision enregistrée pour l’instant.</translation>
    </message>
    <message>
        <source>Save the supervision session</source>
        <translation>Enregistrer la séance de supervision</translation>
    </message>
    <message>
        <source>Date of the supervision</source>
        <translation>Date de la supervision</translation>
    </message>
    <message>
        <source>Supervisor</source>
        <translation>Superviseur</translation>
    </message>
    <message>
        <source>Name, or a label for a group</source>
        <translation>Nom, ou intitulé pour un groupe</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>Format</translation>
    </message>
    <message>
        <source>Number of people, me included</source>
        <translation>Nombre de personnes, moi compris</translation>
    </message>
    <message>
        <source>people, me included</source>
        <translation>personnes, moi compris</translation>
    </message>
    <message>
        <source>Modality</source>
        <translation>Modalité</translation>
    </message>
    <message>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <source>Duration in minutes</source>
        <translation>Durée en minutes</translation>
    </message>
    <message>
        <source>D&amp;uration</source>
        <translation>D&amp;urée</translation>
    </message>
    <message>
        <source>Cases discussed</source>
        <translation>Cas abordés</translation>
    </message>
    <message>
        <source>Questions from the queue discussed</source>
        <translation>Questions en attente abordées</translation>
    </message>
    <message>
        <source>No open questions in the queue.</source>
        <translation>Aucune question en suspens dans la liste d’attente.</translation>
    </message>
    <message>
        <source>Other questions discussed</source>
        <translation>Autres questions abordées</translation>
    </message>
    <message>
        <source>Anything discussed that was not in the queue</source>
        <translation>Tout ce qui a été abordé hors de la liste d’attente</translation>
    </message>
    <message>
        <source>What I learned</source>
        <translation>Ce que j’ai appris</translation>
    </message>
    <message>
        <source>Learning, and its impact on my practice</source>
        <translation>Apprentissages, et leurs effets sur ma pratique</translation>
    </message>
    <message>
        <source>Actions agreed</source>
        <translation>Actions convenues</translation>
    </message>
    <message>
        <source>What I will do, read, try or bring back</source>
        <translation>Ce que je vais faire, lire, essayer ou rapporter</translation>
    </message>
    <message>
        <source>&amp;Date</source>
        <translation>&amp;Date</translation>
    </message>
    <message>
        <source>&amp;Supervisor</source>
        <translation>&amp;Superviseur</translation>
    </message>
    <message>
        <source>&amp;Format</source>
        <translation>&amp;Format</translation>
    </message>
    <message>
        <source>&amp;Modality</source>
        <translation>&amp;Modalité</translation>
    </message>
    <message>
        <source>&amp;Cases</source>
        <translation>&amp;Cas</translation>
    </message>
    <message>
        <source>&amp;Questions</source>
        <translation>&amp;Questions</translation>
    </message>
    <message>
        <source>&amp;Other questions</source>
        <translation>&amp;Autres questions</translation>
    </message>
    <message>
        <source>&amp;Learning</source>
        <translation>A&amp;pprentissages</translation>
    </message>
    <message>
        <source>&amp;Actions agreed</source>
        <translation>Actions co&amp;nvenues</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Enregistrer</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>Supprimer…</translation>
    </message>
    <message>
        <source>Delete this supervision session</source>
        <translation>Supprimer cette séance de supervision</translation>
    </message>
    <message>
        <source>New supervision session</source>
        <translation>Nouvelle séance de supervision</translation>
    </message>
    <message>
        <source>Supervision of %1</source>
        <translation>Supervision du %1</translation>
    </message>
    <message>
        <source>%1 · session %2</source>
        <translation>%1 · séance %2</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>Also counted in your hours: supervision, %1 on %2. Edit or delete it here and the hours follow.</source>
        <translation>Également comptée dans vos heures&#xa0;: supervision, %1 le %2. Modifiez-la ou supprimez-la ici, les heures suivent.</translation>
    </message>
    <message>
        <source>Saving it also counts it in your hours: no need to enter it twice.</source>
        <translation>L’enregistrer la compte aussi dans vos heures&#xa0;: inutile de la saisir deux fois.</translation>
    </message>
    <message>
        <source>Not saved yet</source>
        <translation>Pas encore enregistrée</translation>
    </message>
    <message>
        <source>Saved</source>
        <translation>Enregistrée</translation>
    </message>
    <message>
        <source>Delete this supervision session?</source>
        <translation>Supprimer cette séance de supervision&#xa0;?</translation>
    </message>
    <message>
        <source>Its entry in your hours is deleted with it, and the questions marked as discussed in it are open again.</source>
        <translation>Son entrée dans vos heures est supprimée avec elle, et les questions marquées comme abordées lors de cette séance repassent en suspens.</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Supprimer</translation>
    </message>
    <message>
        <source>Deleted, with its hours</source>
        <translation>Supprimée, avec ses heures</translation>
    </message>
</context>
<context>
    <name>SupervisionPage</name>
    <message>
        <source>Supervision</source>
        <translation>Supervision</translation>
    </message>
    <message>
        <source>&amp;Prepare the next one</source>
        <translation>&amp;Préparer la prochaine</translation>
    </message>
    <message>
        <source>&amp;Log of sessions</source>
        <translation>&amp;Registre des séances</translation>
    </message>
</context>
<context>
    <name>SupervisionsModel</name>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Supervisor</source>
        <translation>Superviseur</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>Format</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Durée</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 à %2</translation>
    </message>
</context>
<context>
    <name>UnlockWindow</name>
    <message>
        <source>Your journal is locked</source>
        <translation>Votre journal est verrouillé</translation>
    </message>
    <message>
        <source>This is the demo journal, with fictional data only. Its passphrase is “demo”.</source>
        <translation>Ceci est le journal de démonstration, avec des données fictives uniquement. Sa phrase de passe est «&#xa0;demo&#xa0;».</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>Phrase de passe</translation>
    </message>
    <message>
        <source>&amp;Passphrase:</source>
        <translation>&amp;Phrase de passe&#xa0;:</translation>
    </message>
    <message>
        <source>Unlock message</source>
        <translation>Message de déverrouillage</translation>
    </message>
    <message>
        <source>Use &amp;recovery code…</source>
        <translation>Utiliser le &amp;code de récupération…</translation>
    </message>
    <message>
        <source>&amp;Unlock</source>
        <translation>&amp;Déverrouiller</translation>
    </message>
    <message>
        <source>Unlock with your recovery code</source>
        <translation>Déverrouiller avec votre code de récupération</translation>
    </message>
    <message>
        <source>Type the recovery code you were given when the journal was created: 7 groups of 5 characters. Dashes and spaces are optional. You will then choose a new passphrase.</source>
        <translation>Saisissez le code de récupération reçu à la création du journal&#xa0;: 7 groupes de 5 caractères. Les tirets et les espaces sont facultatifs. Vous choisirez ensuite une nouvelle phrase de passe.</translation>
    </message>
    <message>
        <source>Recovery code</source>
        <translation>Code de récupération</translation>
    </message>
    <message>
        <source>&amp;Back to the passphrase</source>
        <translation>Re&amp;venir à la phrase de passe</translation>
    </message>
    <message>
        <source>Choose a new passphrase</source>
        <translation>Choisissez une nouvelle phrase de passe</translation>
    </message>
    <message>
        <source>The recovery code opened your journal. Choose a new passphrase now: the old one stops working. Your recovery code stays valid; keep it safe.</source>
        <translation>Le code de récupération a ouvert votre journal. Choisissez maintenant une nouvelle phrase de passe&#xa0;: l’ancienne ne fonctionnera plus. Votre code de récupération reste valable&#xa0;; gardez-le en lieu sûr.</translation>
    </message>
    <message>
        <source>&amp;Save and open</source>
        <translation>&amp;Enregistrer et ouvrir</translation>
    </message>
    <message>
        <source>&amp;Try again</source>
        <translation>&amp;Réessayer</translation>
    </message>
    <message>
        <source>Too many wrong attempts. You can try again in %1.</source>
        <translation>Trop de tentatives erronées. Vous pourrez réessayer dans %1.</translation>
    </message>
    <message>
        <source>Type your passphrase first.</source>
        <translation>Saisissez d’abord votre phrase de passe.</translation>
    </message>
    <message>
        <source>Unlocking…</source>
        <translation>Déverrouillage…</translation>
    </message>
    <message>
        <source>Group %1 of the recovery code has a typo; check it against what you wrote down.</source>
        <translation>Le groupe %1 du code de récupération contient une faute de frappe&#xa0;; comparez-le avec ce que vous avez noté.</translation>
    </message>
    <message>
        <source>A recovery code has 35 characters in 7 groups; check that none is missing.</source>
        <translation>Un code de récupération compte 35 caractères en 7 groupes&#xa0;; vérifiez qu’il n’en manque aucun.</translation>
    </message>
    <message>
        <source>Saving the new passphrase…</source>
        <translation>Enregistrement de la nouvelle phrase de passe…</translation>
    </message>
    <message>
        <source>The new passphrase could not be saved: %1</source>
        <translation>La nouvelle phrase de passe n’a pas pu être enregistrée&#xa0;: %1</translation>
    </message>
    <message>
        <source>The new passphrase could not be saved because of an unexpected problem (error id %1).</source>
        <translation>La nouvelle phrase de passe n’a pas pu être enregistrée à cause d’un problème inattendu (code d’erreur %1).</translation>
    </message>
    <message>
        <source>This recovery code does not open this journal. Check that it is the code of this journal.</source>
        <translation>Ce code de récupération n’ouvre pas ce journal. Vérifiez qu’il s’agit bien du code de ce journal.</translation>
    </message>
    <message>
        <source>Wrong passphrase. Check that Caps Lock is off and that the keyboard layout is the usual one, then try again.</source>
        <translation>Phrase de passe erronée. Vérifiez que le verrouillage des majuscules est désactivé et que la disposition du clavier est la bonne, puis réessayez.</translation>
    </message>
    <message>
        <source>If you have forgotten it, use your recovery code.</source>
        <translation>Si vous l’avez oubliée, utilisez votre code de récupération.</translation>
    </message>
    <message>
        <source>The journal could not be opened: %1</source>
        <translation>Le journal n’a pas pu être ouvert&#xa0;: %1</translation>
    </message>
    <message>
        <source>The journal could not be opened because of an unexpected problem (error id %1). Nothing was changed.</source>
        <translation>Le journal n’a pas pu être ouvert à cause d’un problème inattendu (code d’erreur %1). Rien n’a été modifié.</translation>
    </message>
    <message>
        <source>This journal needs a newer version</source>
        <translation>Ce journal demande une version plus récente</translation>
    </message>
    <message>
        <source>This journal was saved by a newer version of Supervision Journal than this one. It was not changed.</source>
        <translation>Ce journal a été enregistré par une version de Supervision Journal plus récente que celle-ci. Il n’a pas été modifié.</translation>
    </message>
    <message>
        <source>Install the latest version of Supervision Journal, then open the journal again.</source>
        <translation>Installez la dernière version de Supervision Journal, puis rouvrez le journal.</translation>
    </message>
    <message>
        <source>The journal&apos;s key file is damaged</source>
        <translation>Le fichier de clé du journal est endommagé</translation>
    </message>
    <message>
        <source>The file journal.keys, which holds the locked key of your journal, cannot be read or was changed. Your passphrase was not the problem. Nothing was overwritten.</source>
        <translation>Le fichier journal.keys, qui contient la clé verrouillée de votre journal, est illisible ou a été modifié. Votre phrase de passe n’est pas en cause. Rien n’a été écrasé.</translation>
    </message>
    <message>
        <source>1. Run “supervision-journal verify” in a terminal to see what is wrong.
2. Restore journal.keys and journal.db from your latest backup.
3. Keep the damaged files until the journal opens again.</source>
        <translation>1. Lancez «&#xa0;supervision-journal verify&#xa0;» dans un terminal pour voir ce qui ne va pas.
2. Restaurez journal.keys et journal.db à partir de votre dernière sauvegarde.
3. Conservez les fichiers endommagés jusqu’à ce que le journal s’ouvre de nouveau.</translation>
    </message>
    <message>
        <source>The journal file is damaged</source>
        <translation>Le fichier du journal est endommagé</translation>
    </message>
    <message>
        <source>Your passphrase is right, but the journal file (journal.db) cannot be read: it is damaged or incomplete. Nothing was overwritten.</source>
        <translation>Votre phrase de passe est correcte, mais le fichier du journal (journal.db) est illisible&#xa0;: il est endommagé ou incomplet. Rien n’a été écrasé.</translation>
    </message>
    <message>
        <source>1. Run “supervision-journal verify” in a terminal to see what is wrong.
2. Restore journal.db from your latest backup.
3. Keep the damaged file until the journal opens again.</source>
        <translation>1. Lancez «&#xa0;supervision-journal verify&#xa0;» dans un terminal pour voir ce qui ne va pas.
2. Restaurez journal.db à partir de votre dernière sauvegarde.
3. Conservez le fichier endommagé jusqu’à ce que le journal s’ouvre de nouveau.</translation>
    </message>
    <message>
        <source>Journal folder: %1</source>
        <translation>Dossier du journal&#xa0;: %1</translation>
    </message>
</context>
<context>
    <name>_TermRow</name>
    <message>
        <source>Identifying term %1</source>
        <translation>Terme identifiant %1</translation>
    </message>
    <message>
        <source>Role of identifying term %1</source>
        <translation>Rôle du terme identifiant %1</translation>
    </message>
    <message>
        <source>How an export refers to it, for example [partner]</source>
        <translation>Comment un export le désigne, par exemple [partner]</translation>
    </message>
    <message>
        <source>Alias %1</source>
        <translation>Autre nom %1</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Retirer</translation>
    </message>
    <message>
        <source>Remove this term</source>
        <translation>Retirer ce terme</translation>
    </message>
</context>
</TS>
