<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="da" sourcelanguage="en">
  <context>
    <name>AboutDialog</name>
    <message>
      <location filename="../desktop/ui/about_dialog.py" line="60" />
      <source>Version</source>
      <translation>Version</translation>
    </message>
    <message>
      <location filename="../desktop/ui/about_dialog.py" line="60" />
      <source>Qt for Python</source>
      <translation>Qt for Python</translation>
    </message>
    <message>
      <location filename="../desktop/ui/about_dialog.py" line="62" />
      <source>Profile</source>
      <translation>Profil</translation>
    </message>
    <message>
      <location filename="../desktop/ui/about_dialog.py" line="64" />
      <source>Mode</source>
      <translation>Tilstand</translation>
    </message>
    <message>
      <location filename="../desktop/ui/about_dialog.py" line="64" />
      <source>Demo – fictitious data only</source>
      <translation>Demo – kun opdigtede oplysninger</translation>
    </message>
    <message>
      <location filename="../desktop/ui/about_dialog.py" line="70" />
      <source>About Underret</source>
      <translation>Om Underret</translation>
    </message>
    <message>
      <location filename="../desktop/ui/about_dialog.py" line="71" />
      <source>Underret</source>
      <translation>Underret</translation>
    </message>
    <message>
      <location filename="../desktop/ui/about_dialog.py" line="80" />
      <source>Underret helps professionals file a notification of concern about a child with their municipality.

The PDF copy uses the DejaVu Sans fonts (Bitstream Vera licence, DejaVu changes in the public domain). Qt for Python is used under the LGPL v3.</source>
      <translation>Underret hjælper fagpersoner med at sende en underretning om et barn til kommunen.

PDF-kopien bruger skrifttyperne DejaVu Sans (Bitstream Vera-licens; DejaVus ændringer er offentlig ejendom, public domain). Qt for Python bruges under LGPL v3.</translation>
    </message>
    <message>
      <location filename="../desktop/ui/about_dialog.py" line="83" />
      <source>Licences</source>
      <translation>Licenser</translation>
    </message>
    <message>
      <location filename="../desktop/ui/about_dialog.py" line="85" />
      <location filename="../desktop/ui/about_dialog.py" line="86" />
      <source>Close</source>
      <translation>Luk</translation>
    </message>
  </context>
  <context>
    <name>Document</name>
    <message>
      <location filename="../desktop/ui/document_view.py" line="282" />
      <source>Use the arrow keys to read the text part by part. Tab goes from link to link.</source>
      <extracomment>A screen reader says this after the name of a document (the notification, a case story).</extracomment>
      <translation>Brug piletasterne til at læse teksten afsnit for afsnit. Tab går fra link til link.</translation>
    </message>
  </context>
  <context>
    <name>FirstRunWindow</name>
    <message>
      <location filename="../desktop/ui/first_run_window.py" line="274" />
      <source>Underret – create your profile</source>
      <extracomment>Whether this PC's keyring works (None until the background check has answered). Said when this PC's keyring does not work (then "Remember on this PC" is not chosen for you). The rules for a passphrase, shown before the first try (not only after a wrong one).</extracomment>
      <translation>Underret – opret din profil</translation>
    </message>
    <message>
      <location filename="../desktop/ui/first_run_window.py" line="275" />
      <source>Welcome to Underret</source>
      <translation>Velkommen til Underret</translation>
    </message>
    <message>
      <location filename="../desktop/ui/first_run_window.py" line="277" />
      <source>Your notifications are kept safe on this PC in your own profile, so only you can open them. Type your name (it names the profile) and choose how the profile is protected.</source>
      <translation>Dine underretninger gemmes sikkert på denne pc i din egen profil, så kun du kan åbne dem. Skriv dit navn (det bliver profilens navn), og vælg, hvordan profilen skal beskyttes.</translation>
    </message>
    <message>
      <location filename="../desktop/ui/first_run_window.py" line="279" />
      <source>&amp;Your name</source>
      <translation>&amp;Dit navn</translation>
    </message>
    <message>
      <location filename="../desktop/ui/first_run_window.py" line="280" />
      <source>Your name</source>
      <translation>Dit navn</translation>
    </message>
    <message>
      <location filename="../desktop/ui/first_run_window.py" line="282" />
      <source>&amp;Remember on this PC (a PC only you use)</source>
      <translation>&amp;Husk på denne pc (en pc, som kun du bruger)</translation>
    </message>
    <message>
      <location filename="../desktop/ui/first_run_window.py" line="284" />
      <source>Use a personal &amp;passphrase (a shared PC)</source>
      <translation>Brug en personlig &amp;adgangskode (en delt pc)</translation>
    </message>
    <message>
      <location filename="../desktop/ui/first_run_window.py" line="286" />
      <source>Set by your municipality's IT</source>
      <translation>Fastsat af kommunens it-afdeling</translation>
    </message>
    <message>
      <location filename="../desktop/ui/first_run_window.py" line="288" />
      <source>This PC cannot keep the key for you (its saved passwords cannot be used), so a personal passphrase is chosen. Ask IT if you would rather not type one.</source>
      <translation>Denne pc kan ikke huske adgangen til din profil for dig (pc'ens gemte adgangskoder kan ikke bruges), så der er valgt en personlig adgangskode. Spørg it-afdelingen, hvis du hellere vil være fri for at skrive en.</translation>
    </message>
    <message>
      <location filename="../desktop/ui/first_run_window.py" line="47" />
      <source>A passphrase has at least %1 characters. A few words you can remember are easier than one hard word, e.g. “blue bike by the sea”. Nobody can get it back for you if it is forgotten.</source>
      <translation>En adgangskode skal have mindst %1 tegn. Et par ord, du kan huske, er lettere end ét svært ord, fx »blå cykel ved havet«. Ingen kan finde den frem for dig, hvis du glemmer den.</translation>
    </message>
    <message>
      <location filename="../desktop/ui/first_run_window.py" line="281" />
      <source>How is the profile protected?</source>
      <translation>Hvordan skal profilen beskyttes?</translation>
    </message>
    <message>
      <location filename="../desktop/ui/first_run_window.py" line="292" />
      <source>Pass&amp;phrase</source>
      <translation>Adgangs&amp;kode</translation>
    </message>
    <message>
      <location filename="../desktop/ui/first_run_window.py" line="293" />
      <source>Passphrase</source>
      <translation>Adgangskode</translation>
    </message>
    <message>
      <location filename="../desktop/ui/first_run_window.py" line="294" />
      <source>Passphrase &amp;again</source>
      <translation>Adgangskode &amp;igen</translation>
    </message>
    <message>
      <location filename="../desktop/ui/first_run_window.py" line="295" />
      <source>Passphrase again</source>
      <translation>Adgangskode igen</translation>
    </message>
    <message>
      <location filename="../desktop/ui/first_run_window.py" line="297" />
      <source>Recommended: a recovery passphrase still opens your notifications if this PC's password storage stops working. Leave it empty if you do not want one.</source>
      <translation>Anbefales: Med en reserveadgangskode kan du stadig åbne dine underretninger, hvis pc'ens gemte adgangskoder holder op med at virke. Lad felterne stå tomme, hvis du ikke vil have en.</translation>
    </message>
    <message>
      <location filename="../desktop/ui/first_run_window.py" line="299" />
      <source>Reco&amp;very passphrase (optional)</source>
      <translation>&amp;Reserveadgangskode (valgfri)</translation>
    </message>
    <message>
      <location filename="../desktop/ui/first_run_window.py" line="300" />
      <source>Recovery passphrase (optional)</source>
      <translation>Reserveadgangskode (valgfri)</translation>
    </message>
    <message>
      <location filename="../desktop/ui/first_run_window.py" line="302" />
      <source>Recovery passphrase a&amp;gain</source>
      <translation>Reserveadgangskode i&amp;gen</translation>
    </message>
    <message>
      <location filename="../desktop/ui/first_run_window.py" line="303" />
      <source>Recovery passphrase again</source>
      <translation>Reserveadgangskode igen</translation>
    </message>
    <message>
      <location filename="../desktop/ui/first_run_window.py" line="304" />
      <source>&amp;Create profile</source>
      <translation>&amp;Opret profil</translation>
    </message>
    <message>
      <location filename="../desktop/ui/first_run_window.py" line="305" />
      <source>Create profile</source>
      <translation>Opret profil</translation>
    </message>
    <message>
      <location filename="../desktop/ui/first_run_window.py" line="306" />
      <source>Try the &amp;demo</source>
      <translation>Prøv &amp;demoen</translation>
    </message>
    <message>
      <location filename="../desktop/ui/first_run_window.py" line="307" />
      <source>Try the demo</source>
      <translation>Prøv demoen</translation>
    </message>
    <message>
      <location filename="../desktop/ui/first_run_window.py" line="308" />
      <location filename="../desktop/ui/first_run_window.py" line="309" />
      <source>Cancel</source>
      <translation>Annuller</translation>
    </message>
    <message>
      <location filename="../desktop/ui/first_run_window.py" line="310" />
      <source>Message</source>
      <translation>Besked</translation>
    </message>
    <message>
      <location filename="../desktop/ui/first_run_window.py" line="351" />
      <source>Creating your profile…</source>
      <translation>Opretter din profil …</translation>
    </message>
  </context>
  <context>
    <name>MainWindow</name>
    <message>
      <location filename="../desktop/ui/main_window.py" line="243" />
      <source>Underret</source>
      <extracomment>The share of the screen's free area the window takes the first time (capped on large screens). Emitted once, right after the window has painted for the first time (connect only quick slots: schedule real work with a timer). True once a list has been shown since the last unlock. True while the first list after unlocking is on its way (the window says so); a window made with its lists to come is opening from the start. Where other areas put what stands above the lists (the delivery alert and summary). ... and below them (the delivery panel of the selected notification).</extracomment>
      <translation>Underret</translation>
    </message>
    <message>
      <location filename="../desktop/ui/main_window.py" line="245" />
      <source>Underret – %1</source>
      <translation>Underret – %1</translation>
    </message>
    <message>
      <location filename="../desktop/ui/main_window.py" line="247" />
      <location filename="../desktop/ui/main_window.py" line="253" />
      <source>&amp;New notification</source>
      <translation>&amp;Ny underretning</translation>
    </message>
    <message>
      <location filename="../desktop/ui/main_window.py" line="248" />
      <source>New notification</source>
      <translation>Ny underretning</translation>
    </message>
    <message>
      <location filename="../desktop/ui/main_window.py" line="249" />
      <source>Start a new notification of concern (Ctrl+N)</source>
      <translation>Start en ny underretning (Ctrl+N)</translation>
    </message>
    <message>
      <location filename="../desktop/ui/main_window.py" line="250" />
      <source>&amp;Open</source>
      <translation>&amp;Åbn</translation>
    </message>
    <message>
      <location filename="../desktop/ui/main_window.py" line="251" />
      <source>Open the selected notification</source>
      <translation>Åbn den valgte underretning</translation>
    </message>
    <message>
      <location filename="../desktop/ui/main_window.py" line="254" />
      <source>&amp;Lock</source>
      <translation>&amp;Lås</translation>
    </message>
    <message>
      <location filename="../desktop/ui/main_window.py" line="255" />
      <source>&amp;Settings…</source>
      <translation>&amp;Indstillinger …</translation>
    </message>
    <message>
      <location filename="../desktop/ui/main_window.py" line="256" />
      <source>&amp;About Underret</source>
      <translation>&amp;Om Underret</translation>
    </message>
    <message>
      <location filename="../desktop/ui/main_window.py" line="257" />
      <source>&amp;Quit</source>
      <translation>&amp;Afslut</translation>
    </message>
    <message>
      <location filename="../desktop/ui/main_window.py" line="258" />
      <source>&amp;Refresh list</source>
      <translation>&amp;Opdater listen</translation>
    </message>
    <message>
      <location filename="../desktop/ui/main_window.py" line="259" />
      <source>&amp;File</source>
      <translation>&amp;Filer</translation>
    </message>
    <message>
      <location filename="../desktop/ui/main_window.py" line="260" />
      <source>&amp;Help</source>
      <translation>&amp;Hjælp</translation>
    </message>
    <message>
      <location filename="../desktop/ui/notification_lists.py" line="87" />
      <source>Notifications by state</source>
      <extracomment>What each column was last fitted to (group, column) -&gt; key: unchanged texts are not measured.</extracomment>
      <translation>Underretninger efter status</translation>
    </message>
    <message>
      <location filename="../desktop/ui/notification_lists.py" line="89" />
      <source>Drafts</source>
      <translation>Kladder</translation>
    </message>
    <message>
      <location filename="../desktop/ui/notification_lists.py" line="90" />
      <source>Waiting to be sent</source>
      <translation>Venter på at blive sendt</translation>
    </message>
    <message>
      <location filename="../desktop/ui/notification_lists.py" line="91" />
      <source>Refused</source>
      <translation>Afvist</translation>
    </message>
    <message>
      <location filename="../desktop/ui/notification_lists.py" line="92" />
      <source>Sent</source>
      <translation>Sendt</translation>
    </message>
    <message>
      <location filename="../desktop/ui/notification_lists.py" line="97" />
      <source>%1 (%2)</source>
      <translation>%1 (%2)</translation>
    </message>
    <message>
      <location filename="../desktop/ui/main_window.py" line="264" />
      <source>Opening your notifications…</source>
      <translation>Åbner dine underretninger …</translation>
    </message>
    <message>
      <location filename="../desktop/ui/main_window.py" line="267" />
      <source>You have no notifications yet. Choose "New notification" to start one.</source>
      <translation>Du har ingen underretninger endnu. Vælg »Ny underretning« for at begynde.</translation>
    </message>
  </context>
  <context>
    <name>Messages</name>
    <message>
      <location filename="../desktop/ui/messages.py" line="29" />
      <source>The passphrase is not right. Check Caps Lock and try again.</source>
      <translation>Adgangskoden er ikke rigtig. Tjek, om Caps Lock er slået til, og prøv igen.</translation>
    </message>
    <message>
      <location filename="../desktop/ui/messages.py" line="31" />
      <source>The saved key does not open this profile's data. Your data is untouched.</source>
      <translation>Profilen kan ikke åbnes med det, der er gemt på denne pc. Dine data er ikke ændret.</translation>
    </message>
    <message>
      <location filename="../desktop/ui/messages.py" line="33" />
      <source>This profile's data file is damaged and cannot be opened. Nothing has been deleted: the file is kept exactly as it is. Please contact IT, who may be able to rescue what is in it.</source>
      <translation>Profilens datafil er beskadiget og kan ikke åbnes. Intet er slettet: filen er gemt, præcis som den er. Kontakt it-afdelingen, som måske kan redde det, der står i den.</translation>
    </message>
    <message>
      <location filename="../desktop/ui/messages.py" line="37" />
      <source>This profile was saved by a newer version of Underret. Install the newer version to open it. The file has not been changed.</source>
      <translation>Profilen er gemt af en nyere version af Underret. Installer den nyere version for at åbne den. Filen er ikke ændret.</translation>
    </message>
    <message>
      <location filename="../desktop/ui/messages.py" line="40" />
      <source>Underret cannot write to the folder where this profile is kept. Ask IT to give you write access. Nothing has been changed.</source>
      <translation>Underret kan ikke skrive i den mappe, hvor profilen ligger. Bed it-afdelingen om skriveadgang. Intet er ændret.</translation>
    </message>
    <message>
      <location filename="../desktop/ui/messages.py" line="43" />
      <source>The disk is full, so Underret cannot save. Free some space and try again. What you saved before is safe.</source>
      <translation>Disken er fuld, så Underret kan ikke gemme. Frigør noget plads, og prøv igen. Det, du har gemt før, er i sikkerhed.</translation>
    </message>
    <message>
      <location filename="../desktop/ui/messages.py" line="46" />
      <source>The key for this profile is no longer on this PC, so its data cannot be opened. The file has been kept.</source>
      <translation>Det, der åbner profilen, findes ikke længere på denne pc, så dens data kan ikke åbnes. Filen er bevaret.</translation>
    </message>
    <message>
      <location filename="../desktop/ui/messages.py" line="49" />
      <source>Too many wrong passphrases. Please wait {wait_seconds} seconds and try again.</source>
      <translation>Der er tastet forkert adgangskode for mange gange. Vent {wait_seconds} sekunder, og prøv igen.</translation>
    </message>
    <message>
      <location filename="../desktop/ui/messages.py" line="51" />
      <source>Another program is using this profile's data right now. Wait a moment and try again.</source>
      <translation>Et andet program bruger profilens data lige nu. Vent et øjeblik, og prøv igen.</translation>
    </message>
    <message>
      <location filename="../desktop/ui/messages.py" line="54" />
      <source>Underret could not update this profile's data to the new version. The data was left as it was, and nothing has been lost. Please contact IT.</source>
      <translation>Underret kunne ikke opdatere profilens data til den nye version. Dataene er ikke ændret, og intet er gået tabt. Kontakt it-afdelingen.</translation>
    </message>
    <message>
      <location filename="../desktop/ui/messages.py" line="60" />
      <source>Underret is locked. Unlock it to continue.</source>
      <translation>Underret er låst. Lås op for at fortsætte.</translation>
    </message>
    <message>
      <location filename="../desktop/ui/messages.py" line="62" />
      <source>This PC's password storage cannot be used right now, so Underret cannot remember the key for you. Choose a passphrase instead.</source>
      <translation>Pc'ens gemte adgangskoder kan ikke bruges lige nu, så Underret kan ikke huske adgangen til din profil for dig. Vælg i stedet en adgangskode.</translation>
    </message>
    <message>
      <location filename="../desktop/ui/messages.py" line="65" />
      <source>This PC's password storage cannot be used right now, so Underret cannot fetch the key to your notifications. If it is locked, unlock it and try again. IT can help get it working again. Your data file is kept untouched.</source>
      <translation>Pc'ens gemte adgangskoder kan ikke bruges lige nu, så Underret kan ikke åbne dine underretninger. Er de låst, så lås dem op, og prøv igen. It-afdelingen kan hjælpe med at få dem til at virke igen. Din datafil bliver ikke rørt.</translation>
    </message>
    <message>
      <location filename="../desktop/ui/messages.py" line="69" />
      <source>IT may be able to put the key back into this PC's password storage, for example from a backup. Your data file is kept untouched.</source>
      <translation>It-afdelingen kan måske lægge det, der åbner din profil, tilbage i pc'ens gemte adgangskoder, for eksempel fra en sikkerhedskopi. Din datafil bliver ikke rørt.</translation>
    </message>
    <message>
      <location filename="../desktop/ui/messages.py" line="72" />
      <source>This PC's password storage cannot give Underret the key right now. Type your recovery passphrase to open your notifications.</source>
      <translation>Pc'ens gemte adgangskoder kan ikke åbne din profil lige nu. Skriv din reserveadgangskode for at åbne dine underretninger.</translation>
    </message>
    <message>
      <location filename="../desktop/ui/messages.py" line="75" />
      <source>A profile with that name already exists. Choose another name.</source>
      <translation>Der findes allerede en profil med det navn. Vælg et andet navn.</translation>
    </message>
    <message>
      <location filename="../desktop/ui/messages.py" line="77" />
      <source>This notification has already been finalised and can no longer be changed.</source>
      <translation>Underretningen er allerede gjort færdig og kan ikke længere ændres.</translation>
    </message>
    <message>
      <location filename="../desktop/ui/messages.py" line="79" />
      <source>The settings from your municipality's IT cannot be used: in {file}, the setting "{setting}" is wrong. Please contact IT.

For IT: {problem}</source>
      <translation>Indstillingerne fra kommunens it-afdeling kan ikke bruges: I {file} er indstillingen »{setting}« forkert. Kontakt it-afdelingen.

Til it-afdelingen: {problem}</translation>
    </message>
    <message>
      <location filename="../desktop/ui/messages.py" line="82" />
      <location filename="../desktop/ui/messages.py" line="85" />
      <source>The settings file from your municipality's IT ({file}) cannot be read. Please contact IT.

For IT: {problem}</source>
      <translation>Indstillingsfilen fra kommunens it-afdeling ({file}) kan ikke læses. Kontakt it-afdelingen.

Til it-afdelingen: {problem}</translation>
    </message>
    <message>
      <location filename="../desktop/ui/messages.py" line="88" />
      <source>A file named in the settings from your municipality's IT is missing ({file}, setting "{setting}"). Please contact IT.

For IT: {problem}</source>
      <translation>En fil, som kommunens it-indstillinger henviser til, mangler ({file}, indstillingen »{setting}«). Kontakt it-afdelingen.

Til it-afdelingen: {problem}</translation>
    </message>
    <message>
      <location filename="../desktop/ui/messages.py" line="94" />
      <location filename="../desktop/ui/messages.py" line="100" />
      <source>In the settings from your municipality's IT ({file}), the setting "{setting}" is wrong. Please contact IT.

For IT: {problem}</source>
      <translation>I indstillingerne fra kommunens it-afdeling ({file}) er indstillingen »{setting}« forkert. Kontakt it-afdelingen.

Til it-afdelingen: {problem}</translation>
    </message>
    <message>
      <location filename="../desktop/ui/messages.py" line="97" />
      <source>In the settings from your municipality's IT ({file}), the setting "{setting}" is out of range. Please contact IT.

For IT: {problem}</source>
      <translation>I indstillingerne fra kommunens it-afdeling ({file}) har indstillingen »{setting}« en ugyldig værdi. Kontakt it-afdelingen.

Til it-afdelingen: {problem}</translation>
    </message>
    <message>
      <location filename="../desktop/ui/messages.py" line="134" />
      <source>Please type your name.</source>
      <translation>Skriv dit navn.</translation>
    </message>
    <message>
      <location filename="../desktop/ui/messages.py" line="91" />
      <source>The settings from your municipality's IT ({file}) contain an unknown setting "{setting}". Please contact IT.</source>
      <translation>Indstillingerne fra kommunens it-afdeling ({file}) indeholder en ukendt indstilling, »{setting}«. Kontakt it-afdelingen.</translation>
    </message>
    <message>
      <location filename="../desktop/ui/messages.py" line="57" />
      <source>The content of this notification was removed after the retention period. The record that you sent it, and any confirmation of delivery, are kept.</source>
      <translation>Indholdet af underretningen er slettet efter opbevaringsperioden. Det er stadig gemt, at du har sendt den. En eventuel besked om modtagelse er også gemt.</translation>
    </message>
    <message>
      <location filename="../desktop/ui/messages.py" line="103" />
      <source>This profile's data cannot be opened. The file has been left as it is.</source>
      <translation>Profilens data kan ikke åbnes. Filen er ikke rørt.</translation>
    </message>
    <message>
      <location filename="../desktop/ui/messages.py" line="105" />
      <source>The data file of this profile is missing, so it cannot be opened. You can start a new profile.</source>
      <translation>Profilens datafil mangler, så den kan ikke åbnes. Du kan oprette en ny profil.</translation>
    </message>
    <message>
      <location filename="../desktop/ui/messages.py" line="108" />
      <source>The PC reported a problem reading or writing the disk. Nothing has been deleted. Try again, and contact IT if it keeps happening.</source>
      <translation>Pc'en meldte en fejl ved læsning fra eller skrivning til disken. Intet er slettet. Prøv igen, og kontakt it-afdelingen, hvis det bliver ved.</translation>
    </message>
    <message>
      <location filename="../desktop/ui/messages.py" line="111" />
      <source>This profile no longer exists on this PC.</source>
      <translation>Profilen findes ikke længere på denne pc.</translation>
    </message>
    <message>
      <location filename="../desktop/ui/messages.py" line="112" />
      <source>This profile's file (profile.json) is damaged, so the profile cannot be opened. Nothing has been deleted: its files are kept exactly as they are. Please contact IT.</source>
      <translation>Profilens fil er beskadiget, så profilen kan ikke åbnes. Intet er slettet: profilens filer er gemt, præcis som de er. Kontakt it-afdelingen, og sig, at det gælder filen profile.json.</translation>
    </message>
    <message>
      <location filename="../desktop/ui/messages.py" line="116" />
      <source>This notification is still a draft.</source>
      <translation>Underretningen er stadig en kladde.</translation>
    </message>
    <message>
      <location filename="../desktop/ui/messages.py" line="118" />
      <source>This notification is no longer on this PC.</source>
      <translation>Underretningen findes ikke længere på denne pc.</translation>
    </message>
    <message>
      <location filename="../desktop/ui/messages.py" line="120" />
      <source>This setting is set by your municipality's IT and cannot be changed here.</source>
      <translation>Denne indstilling er fastsat af kommunens it-afdeling og kan ikke ændres her.</translation>
    </message>
    <message>
      <location filename="../desktop/ui/messages.py" line="122" />
      <source>Only your municipality's IT can change this setting.</source>
      <translation>Kun kommunens it-afdeling kan ændre denne indstilling.</translation>
    </message>
    <message>
      <location filename="../desktop/ui/messages.py" line="124" />
      <source>That value cannot be used for this setting: {problem}</source>
      <translation>Den værdi kan ikke bruges til denne indstilling: {problem}</translation>
    </message>
    <message>
      <location filename="../desktop/ui/messages.py" line="126" />
      <location filename="../desktop/ui/messages.py" line="127" />
      <source>The setting could not be changed.</source>
      <translation>Indstillingen kunne ikke ændres.</translation>
    </message>
    <message>
      <location filename="../desktop/ui/messages.py" line="128" />
      <source>Your personal settings could not be read, so the standard settings are used. The old file was kept as {kept_as}.</source>
      <translation>Dine personlige indstillinger kunne ikke læses, så standardindstillingerne bruges. Den gamle fil er gemt som {kept_as}.</translation>
    </message>
    <message>
      <location filename="../desktop/ui/messages.py" line="131" />
      <source>The guideline pack {file} cannot be used ({path}: {problem}). The last good pack stays in use.</source>
      <translation>Retningslinjerne i {file} kan ikke bruges ({path}: {problem}). De seneste brugbare retningslinjer bruges fortsat.</translation>
    </message>
    <message>
      <location filename="../desktop/ui/messages.py" line="135" />
      <source>The passphrase must have at least {minimum} characters.</source>
      <translation>Adgangskoden skal have mindst {minimum} tegn.</translation>
    </message>
    <message>
      <location filename="../desktop/ui/messages.py" line="137" />
      <source>The two passphrases are not the same.</source>
      <translation>De to adgangskoder er ikke ens.</translation>
    </message>
    <message>
      <location filename="../desktop/ui/messages.py" line="138" />
      <source>Something unexpected went wrong. Nothing you saved has been lost.</source>
      <translation>Noget uventet gik galt. Intet af det, du har gemt, er gået tabt.</translation>
    </message>
  </context>
  <context>
    <name>NotificationTableModel</name>
    <message>
      <location filename="../desktop/ui/notification_table_model.py" line="195" />
      <source>Child</source>
      <extracomment>Role carrying the notification id of a row. Role carrying the state value ("draft", "queued", ...) of a row. Words a row's state another way (delivery: reason, reference, overdue); ``None`` keeps the default. The UI language: dates are written its way (in Danish time, whatever the PC's locale).</extracomment>
      <translation>Barn</translation>
    </message>
    <message>
      <location filename="../desktop/ui/notification_table_model.py" line="196" />
      <source>State</source>
      <translation>Status</translation>
    </message>
    <message>
      <location filename="../desktop/ui/notification_table_model.py" line="197" />
      <source>Last change</source>
      <translation>Senest ændret</translation>
    </message>
    <message>
      <location filename="../desktop/ui/notification_table_model.py" line="198" />
      <source>Finalised</source>
      <translation>Færdig</translation>
    </message>
    <message>
      <location filename="../desktop/ui/notification_table_model.py" line="199" />
      <source>Sent</source>
      <translation>Sendt</translation>
    </message>
    <message>
      <location filename="../desktop/ui/notification_table_model.py" line="200" />
      <source>Received</source>
      <translation>Modtaget</translation>
    </message>
    <message>
      <location filename="../desktop/ui/notification_table_model.py" line="201" />
      <source>Reference number</source>
      <translation>Referencenummer</translation>
    </message>
    <message>
      <location filename="../desktop/ui/notification_table_model.py" line="202" />
      <source>Municipality</source>
      <translation>Kommune</translation>
    </message>
    <message>
      <location filename="../desktop/ui/notification_table_model.py" line="203" />
      <source>Receipt due</source>
      <translation>Kvittering senest</translation>
    </message>
    <message>
      <location filename="../desktop/ui/notification_table_model.py" line="274" />
      <source>Sent, not yet confirmed as received</source>
      <translation>Sendt, venter på besked om modtagelse</translation>
    </message>
    <message>
      <location filename="../desktop/ui/notification_table_model.py" line="236" />
      <location filename="../desktop/ui/notification_table_model.py" line="258" />
      <source>(not yet given)</source>
      <translation>(ikke angivet endnu)</translation>
    </message>
    <message>
      <location filename="../desktop/ui/notification_table_model.py" line="271" />
      <source>Draft</source>
      <translation>Kladde</translation>
    </message>
    <message>
      <location filename="../desktop/ui/notification_table_model.py" line="272" />
      <source>Waiting to send</source>
      <translation>Venter på at blive sendt</translation>
    </message>
    <message>
      <location filename="../desktop/ui/notification_table_model.py" line="273" />
      <source>Sending</source>
      <translation>Sender</translation>
    </message>
    <message>
      <location filename="../desktop/ui/notification_table_model.py" line="275" />
      <source>Received by the municipality</source>
      <translation>Modtaget af kommunen</translation>
    </message>
    <message>
      <location filename="../desktop/ui/notification_table_model.py" line="276" />
      <source>Refused – phone the municipality</source>
      <translation>Afvist – ring til kommunen</translation>
    </message>
    <message>
      <location filename="../desktop/ui/notification_table_model.py" line="277" />
      <source>Received – content removed</source>
      <translation>Modtaget – indholdet er slettet</translation>
    </message>
  </context>
  <context>
    <name>PackStatus</name>
    <message>
      <location filename="../desktop/ui/pack_status.py" line="51" />
      <source>downloaded from your municipality</source>
      <extracomment>True when the text names a problem (a damaged download, a refused update).</extracomment>
      <translation>hentet fra din kommune</translation>
    </message>
    <message>
      <location filename="../desktop/ui/pack_status.py" line="52" />
      <source>shipped with Underret</source>
      <translation>fulgte med Underret</translation>
    </message>
    <message>
      <location filename="../desktop/ui/pack_status.py" line="53" />
      <source>Guidelines in use: %1, version %2 (%3).</source>
      <translation>Retningslinjer i brug: %1, version %2 (%3).</translation>
    </message>
    <message>
      <location filename="../desktop/ui/pack_status.py" line="58" />
      <source>The downloaded copy of your municipality's guidelines is damaged or can no longer be trusted (%1), so the guidelines shipped with Underret are used. Please tell IT.</source>
      <translation>Den hentede udgave af din kommunes retningslinjer er beskadiget eller kan ikke længere godkendes (%1), så de retningslinjer, der fulgte med Underret, bruges i stedet. Sig det til it-afdelingen.</translation>
    </message>
    <message>
      <location filename="../desktop/ui/pack_status.py" line="64" />
      <source>The last update of the guidelines was refused (%1), so the guidelines in use stay. Please tell IT.</source>
      <translation>Den seneste opdatering af retningslinjerne blev afvist (%1), så de retningslinjer, der er i brug, gælder stadig. Sig det til it-afdelingen.</translation>
    </message>
    <message>
      <location filename="../desktop/ui/pack_status.py" line="68" />
      <source>Guidelines</source>
      <translation>Retningslinjer</translation>
    </message>
  </context>
  <context>
    <name>PlaceholderWizardWindow</name>
    <message>
      <location filename="../desktop/ui/placeholder_window.py" line="59" />
      <source>Underret – notification</source>
      <translation>Underret – underretning</translation>
    </message>
    <message>
      <location filename="../desktop/ui/placeholder_window.py" line="60" />
      <source>The guided notification form will open here.</source>
      <translation>Underretningen åbner her.</translation>
    </message>
    <message>
      <location filename="../desktop/ui/placeholder_window.py" line="61" />
      <source>&amp;Close</source>
      <translation>&amp;Luk</translation>
    </message>
    <message>
      <location filename="../desktop/ui/placeholder_window.py" line="62" />
      <source>Close</source>
      <translation>Luk</translation>
    </message>
  </context>
  <context>
    <name>SettingsDialog</name>
    <message>
      <location filename="../desktop/ui/settings_dialog.py" line="254" />
      <source>Settings</source>
      <extracomment>The rules for a new passphrase, shown before the first try (the first-run screen's words).</extracomment>
      <translation>Indstillinger</translation>
    </message>
    <message>
      <location filename="../desktop/ui/settings_dialog.py" line="255" />
      <source>&amp;Language</source>
      <translation>&amp;Sprog</translation>
    </message>
    <message>
      <location filename="../desktop/ui/settings_dialog.py" line="256" />
      <source>Language</source>
      <translation>Sprog</translation>
    </message>
    <message>
      <location filename="../desktop/ui/settings_dialog.py" line="257" />
      <source>Set by your municipality's IT</source>
      <translation>Fastsat af kommunens it-afdeling</translation>
    </message>
    <message>
      <location filename="../desktop/ui/settings_dialog.py" line="260" />
      <source>Lock after &amp;idle time</source>
      <translation>Lås efter &amp;inaktiv tid</translation>
    </message>
    <message>
      <location filename="../desktop/ui/settings_dialog.py" line="261" />
      <source> min</source>
      <translation> min.</translation>
    </message>
    <message>
      <location filename="../desktop/ui/settings_dialog.py" line="262" />
      <source>Minutes without use before Underret locks</source>
      <translation>Minutter uden brug, før Underret låser</translation>
    </message>
    <message>
      <location filename="../desktop/ui/settings_dialog.py" line="263" />
      <location filename="../desktop/ui/settings_dialog.py" line="271" />
      <source>Change passphrase</source>
      <translation>Skift adgangskode</translation>
    </message>
    <message>
      <location filename="../desktop/ui/settings_dialog.py" line="264" />
      <source>&amp;Current passphrase</source>
      <translation>&amp;Nuværende adgangskode</translation>
    </message>
    <message>
      <location filename="../desktop/ui/settings_dialog.py" line="265" />
      <source>Current passphrase</source>
      <translation>Nuværende adgangskode</translation>
    </message>
    <message>
      <location filename="../desktop/ui/settings_dialog.py" line="266" />
      <source>&amp;New passphrase</source>
      <translation>N&amp;y adgangskode</translation>
    </message>
    <message>
      <location filename="../desktop/ui/settings_dialog.py" line="267" />
      <source>New passphrase</source>
      <translation>Ny adgangskode</translation>
    </message>
    <message>
      <location filename="../desktop/ui/settings_dialog.py" line="268" />
      <source>New passphrase &amp;again</source>
      <translation>Ny adgangskode i&amp;gen</translation>
    </message>
    <message>
      <location filename="../desktop/ui/settings_dialog.py" line="269" />
      <source>New passphrase again</source>
      <translation>Ny adgangskode igen</translation>
    </message>
    <message>
      <location filename="../desktop/ui/settings_dialog.py" line="270" />
      <source>Change &amp;passphrase</source>
      <translation>Skift &amp;adgangskode</translation>
    </message>
    <message>
      <location filename="../desktop/ui/settings_dialog.py" line="276" />
      <location filename="../desktop/ui/settings_dialog.py" line="277" />
      <source>Close</source>
      <translation>Luk</translation>
    </message>
    <message>
      <location filename="../desktop/ui/settings_dialog.py" line="280" />
      <source>Recovery passphrase</source>
      <translation>Reserveadgangskode</translation>
    </message>
    <message>
      <location filename="../desktop/ui/settings_dialog.py" line="283" />
      <source>You have a recovery passphrase. It opens your notifications if this PC's password storage stops working. You can choose a new one here.</source>
      <translation>Du har en reserveadgangskode. Den åbner dine underretninger, hvis pc'ens gemte adgangskoder holder op med at virke. Du kan vælge en ny her.</translation>
    </message>
    <message>
      <location filename="../desktop/ui/settings_dialog.py" line="285" />
      <source>Change &amp;recovery passphrase</source>
      <translation>Skift &amp;reserveadgangskode</translation>
    </message>
    <message>
      <location filename="../desktop/ui/settings_dialog.py" line="286" />
      <source>Change recovery passphrase</source>
      <translation>Skift reserveadgangskode</translation>
    </message>
    <message>
      <location filename="../desktop/ui/settings_dialog.py" line="289" />
      <source>Recommended: a recovery passphrase opens your notifications if this PC's password storage stops working.</source>
      <translation>Anbefales: En reserveadgangskode åbner dine underretninger, hvis pc'ens gemte adgangskoder holder op med at virke.</translation>
    </message>
    <message>
      <location filename="../desktop/ui/settings_dialog.py" line="291" />
      <source>Set &amp;recovery passphrase</source>
      <translation>Gem &amp;reserveadgangskode</translation>
    </message>
    <message>
      <location filename="../desktop/ui/settings_dialog.py" line="292" />
      <source>Set recovery passphrase</source>
      <translation>Gem reserveadgangskode</translation>
    </message>
    <message>
      <location filename="../desktop/ui/settings_dialog.py" line="293" />
      <source>&amp;New recovery passphrase</source>
      <translation>N&amp;y reserveadgangskode</translation>
    </message>
    <message>
      <location filename="../desktop/ui/settings_dialog.py" line="294" />
      <source>New recovery passphrase</source>
      <translation>Ny reserveadgangskode</translation>
    </message>
    <message>
      <location filename="../desktop/ui/settings_dialog.py" line="295" />
      <source>New recovery passphrase &amp;again</source>
      <translation>Ny reserveadgangskode i&amp;gen</translation>
    </message>
    <message>
      <location filename="../desktop/ui/settings_dialog.py" line="296" />
      <source>New recovery passphrase again</source>
      <translation>Ny reserveadgangskode igen</translation>
    </message>
    <message>
      <location filename="../desktop/ui/settings_dialog.py" line="297" />
      <source>Message</source>
      <translation>Besked</translation>
    </message>
    <message>
      <location filename="../desktop/ui/settings_dialog.py" line="330" />
      <source>Changing the passphrase…</source>
      <translation>Skifter adgangskoden …</translation>
    </message>
    <message>
      <location filename="../desktop/ui/settings_dialog.py" line="340" />
      <source>Your passphrase has been changed. Use the new one next time.</source>
      <translation>Din adgangskode er skiftet. Brug den nye næste gang.</translation>
    </message>
    <message>
      <location filename="../desktop/ui/settings_dialog.py" line="370" />
      <source>Saving the recovery passphrase…</source>
      <translation>Gemmer reserveadgangskoden …</translation>
    </message>
    <message>
      <location filename="../desktop/ui/settings_dialog.py" line="384" />
      <source>Your recovery passphrase has been saved. Keep it somewhere safe, away from this PC.</source>
      <translation>Din reserveadgangskode er gemt. Opbevar den et sikkert sted, ikke sammen med pc'en.</translation>
    </message>
  </context>
  <context>
    <name>Shell</name>
    <message>
      <location filename="../desktop/ui/shell.py" line="330" />
      <source>Underret cannot start</source>
      <extracomment>How long a keyring profile's main window waits for its first paint before opening the vault anyway.</extracomment>
      <translation>Underret kan ikke starte</translation>
    </message>
  </context>
  <context>
    <name>UnlockWindow</name>
    <message>
      <location filename="../desktop/ui/unlock_window.py" line="225" />
      <source>Underret – unlock</source>
      <translation>Underret – lås op</translation>
    </message>
    <message>
      <location filename="../desktop/ui/unlock_window.py" line="226" />
      <source>Unlock Underret</source>
      <translation>Lås Underret op</translation>
    </message>
    <message>
      <location filename="../desktop/ui/unlock_window.py" line="227" />
      <source>P&amp;rofile</source>
      <translation>P&amp;rofil</translation>
    </message>
    <message>
      <location filename="../desktop/ui/unlock_window.py" line="228" />
      <source>Profile</source>
      <translation>Profil</translation>
    </message>
    <message>
      <location filename="../desktop/ui/unlock_window.py" line="243" />
      <source>Recovery &amp;passphrase</source>
      <translation>Reserve&amp;adgangskode</translation>
    </message>
    <message>
      <location filename="../desktop/ui/unlock_window.py" line="248" />
      <source>&amp;Passphrase</source>
      <translation>&amp;Adgangskode</translation>
    </message>
    <message>
      <location filename="../desktop/ui/unlock_window.py" line="249" />
      <source>Passphrase</source>
      <translation>Adgangskode</translation>
    </message>
    <message>
      <location filename="../desktop/ui/unlock_window.py" line="251" />
      <source>This profile's key is kept on this PC. No passphrase is needed.</source>
      <translation>Profilen åbnes med det, der er gemt på denne pc. Der skal ikke bruges adgangskode.</translation>
    </message>
    <message>
      <location filename="../desktop/ui/unlock_window.py" line="234" />
      <source>&amp;New profile…</source>
      <translation>&amp;Ny profil …</translation>
    </message>
    <message>
      <location filename="../desktop/ui/unlock_window.py" line="159" />
      <source>Damaged profile (%1)</source>
      <extracomment>Faults where the vault file is kept and a new profile is the way forward. Keyring profiles whose keyring failed and that have a recovery passphrase: asked for it. Profile folders whose profile.json cannot be read: listed (never hidden), never opened.</extracomment>
      <translation>Beskadiget profil (%1)</translation>
    </message>
    <message>
      <location filename="../desktop/ui/unlock_window.py" line="235" />
      <source>New profile</source>
      <translation>Ny profil</translation>
    </message>
    <message>
      <location filename="../desktop/ui/unlock_window.py" line="236" />
      <source>Message</source>
      <translation>Besked</translation>
    </message>
    <message>
      <location filename="../desktop/ui/unlock_window.py" line="237" />
      <source>Unlock</source>
      <translation>Lås op</translation>
    </message>
    <message>
      <location filename="../desktop/ui/unlock_window.py" line="244" />
      <source>Recovery passphrase</source>
      <translation>Reserveadgangskode</translation>
    </message>
    <message numerus="yes">
      <location filename="../desktop/ui/unlock_window.py" line="256" />
      <source>Unlock (wait %n s)</source>
      <translation>
        <numerusform>Lås op (vent %n sekund)</numerusform>
        <numerusform>Lås op (vent %n sekunder)</numerusform>
      </translation>
    </message>
    <message>
      <location filename="../desktop/ui/unlock_window.py" line="258" />
      <source>&amp;Unlock</source>
      <translation>&amp;Lås op</translation>
    </message>
    <message>
      <location filename="../desktop/ui/unlock_window.py" line="276" />
      <source>Opening…</source>
      <translation>Åbner …</translation>
    </message>
    <message>
      <location filename="../desktop/ui/unlock_window.py" line="345" />
      <source>You can keep this file for IT and start a new profile with "New profile…".</source>
      <translation>Du kan lade filen ligge til it-afdelingen og oprette en ny profil med »Ny profil …«.</translation>
    </message>
  </context>
</TS>
