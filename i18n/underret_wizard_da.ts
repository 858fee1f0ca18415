<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="da" sourcelanguage="en">
  <context>
    <name>Attachments</name>
    <message>
      <location filename="../desktop/ui/wizard/attachments_editor.py" line="47" />
      <source>The file is too large: all attachments together may be at most 10 MB.</source>
      <translation>Filen er for stor: Bilagene må tilsammen fylde højst 10 MB.</translation>
    </message>
    <message>
      <location filename="../desktop/ui/wizard/attachments_editor.py" line="49" />
      <source>At most 20 files can be attached.</source>
      <translation>Der kan højst vedhæftes 20 filer.</translation>
    </message>
    <message>
      <location filename="../desktop/ui/wizard/attachments_editor.py" line="50" />
      <source>Only PDF, PNG and JPEG files can be attached, and this file is none of them.</source>
      <translation>Der kan kun vedhæftes PDF-, PNG- og JPEG-filer, og denne fil er ingen af dem.</translation>
    </message>
    <message>
      <location filename="../desktop/ui/wizard/attachments_editor.py" line="52" />
      <source>The picture is damaged and cannot be read. Save it again, or take a new picture of the document.</source>
      <translation>Billedet er beskadiget og kan ikke læses. Gem det igen, eller tag et nyt billede af dokumentet.</translation>
    </message>
    <message>
      <location filename="../desktop/ui/wizard/attachments_editor.py" line="55" />
      <source>The picture has too many pixels. Make it smaller and try again.</source>
      <translation>Billedet har for mange pixels. Gør det mindre, og prøv igen.</translation>
    </message>
    <message>
      <location filename="../desktop/ui/wizard/attachments_editor.py" line="57" />
      <source>The PDF file is damaged or incomplete and cannot be attached.</source>
      <translation>PDF-filen er beskadiget eller ufuldstændig og kan ikke vedhæftes.</translation>
    </message>
    <message>
      <location filename="../desktop/ui/wizard/attachments_editor.py" line="59" />
      <source>The file cannot be read. Check that it still exists and that you may open it.</source>
      <translation>Filen kan ikke læses. Tjek, at den stadig findes, og at du har lov til at åbne den.</translation>
    </message>
    <message>
      <location filename="../desktop/ui/wizard/attachments_editor.py" line="61" />
      <source>The notification could not be saved, so the file was not attached. Try again.</source>
      <translation>Underretningen kunne ikke gemmes, så filen blev ikke vedhæftet. Prøv igen.</translation>
    </message>
    <message>
      <location filename="../desktop/ui/wizard/attachments_editor.py" line="63" />
      <source>An attachment is missing from the notification. Remove it and add it again.</source>
      <translation>Et bilag mangler i underretningen. Fjern det, og vedhæft det igen.</translation>
    </message>
    <message>
      <location filename="../desktop/ui/wizard/attachments_editor.py" line="77" />
      <source>PDF, PNG and JPEG files</source>
      <translation>PDF-, PNG- og JPEG-filer</translation>
    </message>
    <message>
      <location filename="../desktop/ui/wizard/attachments_editor.py" line="78" />
      <source>All files</source>
      <translation>Alle filer</translation>
    </message>
    <message>
      <location filename="../desktop/ui/wizard/attachments_editor.py" line="80" />
      <source>Choose files to attach</source>
      <translation>Vælg filer, der skal vedhæftes</translation>
    </message>
    <message>
      <location filename="../desktop/ui/wizard/attachments_editor.py" line="139" />
      <source>&amp;Attach files…</source>
      <extracomment>How files are chosen (tests hand in their own; the person gets the file dialog).</extracomment>
      <translation>&amp;Vedhæft filer …</translation>
    </message>
    <message>
      <location filename="../desktop/ui/wizard/attachments_editor.py" line="170" />
      <source>Attach files: PDF, PNG or JPEG</source>
      <translation>Vedhæft filer: PDF, PNG eller JPEG</translation>
    </message>
    <message>
      <location filename="../desktop/ui/wizard/attachments_editor.py" line="142" />
      <source>Remo&amp;ve file</source>
      <translation>&amp;Fjern fil</translation>
    </message>
    <message>
      <location filename="../desktop/ui/wizard/attachments_editor.py" line="143" />
      <source>Remove the chosen file</source>
      <translation>Fjern den valgte fil</translation>
    </message>
    <message>
      <location filename="../desktop/ui/wizard/attachments_editor.py" line="144" />
      <source>Attached files</source>
      <translation>Vedhæftede filer</translation>
    </message>
    <message>
      <location filename="../desktop/ui/wizard/attachments_editor.py" line="198" />
      <source>Reading and cleaning the file…</source>
      <translation>Læser filen og fjerner skjulte oplysninger …</translation>
    </message>
    <message>
      <location filename="../desktop/ui/wizard/attachments_editor.py" line="210" />
      <source>Attached. The picture was saved without hidden information such as where and with what it was taken.</source>
      <translation>Vedhæftet. Billedet er gemt uden skjulte oplysninger, fx om hvor og med hvad det er taget.</translation>
    </message>
    <message>
      <location filename="../desktop/ui/wizard/attachments_editor.py" line="212" />
      <source>Attached.</source>
      <translation>Vedhæftet.</translation>
    </message>
    <message>
      <location filename="../desktop/ui/wizard/attachments_editor.py" line="235" />
      <location filename="../desktop/ui/wizard/attachments_editor.py" line="247" />
      <source>Removed.</source>
      <translation>Fjernet.</translation>
    </message>
    <message>
      <location filename="../desktop/ui/wizard/attachments_editor.py" line="278" />
      <source>%1 of 10 MB in all</source>
      <translation>%1 af i alt 10 MB</translation>
    </message>
  </context>
  <context>
    <name>BodyMap</name>
    <message>
      <location filename="../desktop/ui/wizard/bodymap_details.py" line="112" />
      <source>Place on the body</source>
      <translation>Sted på kroppen</translation>
    </message>
    <message>
      <location filename="../desktop/ui/wizard/bodymap_details.py" line="113" />
      <source>Kind of mark</source>
      <translation>Slags mærke</translation>
    </message>
    <message>
      <location filename="../desktop/ui/wizard/bodymap_details.py" line="114" />
      <source>Colour</source>
      <translation>Farve</translation>
    </message>
    <message>
      <location filename="../desktop/ui/wizard/bodymap_details.py" line="115" />
      <source>Size</source>
      <translation>Størrelse</translation>
    </message>
    <message>
      <location filename="../desktop/ui/wizard/bodymap_details.py" line="116" />
      <source>When did you see it?</source>
      <translation>Hvornår så du det?</translation>
    </message>
    <message>
      <location filename="../desktop/ui/wizard/bodymap_details.py" line="117" />
      <source>Who explained it?</source>
      <translation>Hvem har forklaret det?</translation>
    </message>
    <message>
      <location filename="../desktop/ui/wizard/bodymap_details.py" line="118" />
      <source>The explanation you were given</source>
      <translation>Den forklaring, du har fået</translation>
    </message>
    <message>
      <location filename="../desktop/ui/wizard/bodymap_details.py" line="119" />
      <source>Anything else about the mark</source>
      <translation>Andet om mærket</translation>
    </message>
    <message>
      <location filename="../desktop/ui/wizard/bodymap_details.py" line="129" />
      <source>e.g. 2 × 3 cm</source>
      <translation>fx 2 × 3 cm</translation>
    </message>
    <message>
      <location filename="../desktop/ui/wizard/bodymap_details.py" line="131" />
      <source>In the words you heard, and from whom</source>
      <translation>Med de ord, du hørte, og fra hvem</translation>
    </message>
    <message>
      <location filename="../desktop/ui/wizard/bodymap_details.py" line="160" />
      <source>Mark %1</source>
      <translation>Mærke %1</translation>
    </message>
    <message>
      <location filename="../desktop/ui/wizard/bodymap_editor.py" line="108" />
      <source>Click on the body where you saw the mark, or choose the place in the list and press Add mark. Describe each mark below.</source>
      <translation>Klik på kroppen, hvor du så mærket, eller vælg stedet på listen, og tryk på Tilføj mærke. Beskriv hvert mærke nedenfor.</translation>
    </message>
    <message>
      <location filename="../desktop/ui/wizard/bodymap_editor.py" line="112" />
      <source>Body map, front</source>
      <translation>Kropskort forfra</translation>
    </message>
    <message>
      <location filename="../desktop/ui/wizard/bodymap_editor.py" line="113" />
      <source>Body map, back</source>
      <translation>Kropskort bagfra</translation>
    </message>
    <message>
      <location filename="../desktop/ui/wizard/bodymap_editor.py" line="114" />
      <source>&amp;Place on the body</source>
      <translation>Sted på kr&amp;oppen</translation>
    </message>
    <message>
      <location filename="../desktop/ui/wizard/bodymap_editor.py" line="115" />
      <source>Place on the body for a new mark</source>
      <translation>Sted på kroppen for et nyt mærke</translation>
    </message>
    <message>
      <location filename="../desktop/ui/wizard/bodymap_editor.py" line="116" />
      <source>&amp;Add mark</source>
      <translation>Tilføj &amp;mærke</translation>
    </message>
    <message>
      <location filename="../desktop/ui/wizard/bodymap_editor.py" line="117" />
      <source>Add a mark at the chosen place</source>
      <translation>Tilføj et mærke på det valgte sted</translation>
    </message>
    <message>
      <location filename="../desktop/ui/wizard/bodymap_editor.py" line="118" />
      <source>&amp;Marks</source>
      <translation>Mærk&amp;er</translation>
    </message>
    <message>
      <location filename="../desktop/ui/wizard/bodymap_editor.py" line="119" />
      <source>Marks on the body</source>
      <translation>Mærker på kroppen</translation>
    </message>
    <message>
      <location filename="../desktop/ui/wizard/bodymap_editor.py" line="120" />
      <source>&amp;Remove mark</source>
      <translation>F&amp;jern mærket</translation>
    </message>
    <message>
      <location filename="../desktop/ui/wizard/bodymap_editor.py" line="121" />
      <source>Remove the chosen mark</source>
      <translation>Fjern det valgte mærke</translation>
    </message>
    <message>
      <location filename="../desktop/ui/wizard/bodymap_editor.py" line="267" />
      <source>%1 (kind not chosen yet)</source>
      <translation>%1 (slags ikke valgt endnu)</translation>
    </message>
    <message>
      <location filename="../desktop/ui/wizard/bodymap_editor.py" line="283" />
      <source>Click on the body to place a mark. Page Up and Page Down choose a mark, the arrow keys move it, Delete removes it.</source>
      <translation>Klik på kroppen for at sætte et mærke. Page Up og Page Down vælger et mærke, piletasterne flytter det, og Delete fjerner det.</translation>
    </message>
    <message>
      <location filename="../desktop/ui/wizard/bodymap_editor.py" line="288" />
      <source>No marks yet.</source>
      <translation>Ingen mærker endnu.</translation>
    </message>
  </context>
  <context>
    <name>ReviewPage</name>
    <message numerus="yes">
      <location filename="../desktop/ui/wizard/review.py" line="217" />
      <source>%n thing(s) to put right before you can send it:</source>
      <translation>
        <numerusform>%n ting skal rettes, før du kan sende den:</numerusform>
        <numerusform>%n ting skal rettes, før du kan sende den:</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <location filename="../desktop/ui/wizard/review.py" line="221" />
      <source>and %n more.</source>
      <translation>
        <numerusform>og %n mere.</numerusform>
        <numerusform>og %n mere.</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <location filename="../desktop/ui/wizard/review.py" line="226" />
      <source>Not sent: %n thing(s) to put right first.</source>
      <translation>
        <numerusform>Ikke sendt: %n ting skal rettes først.</numerusform>
        <numerusform>Ikke sendt: %n ting skal rettes først.</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>SignalChecklistEditor</name>
    <message numerus="yes">
      <location filename="../desktop/ui/wizard/signal_checklist.py" line="183" />
      <source>%n sign(s) match the search.</source>
      <translation>
        <numerusform>%n tegn passer til søgningen.</numerusform>
        <numerusform>%n tegn passer til søgningen.</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>Wizard</name>
    <message>
      <location filename="../desktop/ui/wizard/base.py" line="159" />
      <source>%1 (required)</source>
      <translation>%1 (skal udfyldes)</translation>
    </message>
    <message>
      <location filename="../desktop/ui/wizard/bodymap_details.py" line="130" />
      <location filename="../desktop/ui/wizard/fields.py" line="103" />
      <source>DD-MM-YYYY</source>
      <translation>DD-MM-ÅÅÅÅ</translation>
    </message>
    <message>
      <location filename="../desktop/ui/wizard/bodymap_details.py" line="150" />
      <location filename="../desktop/ui/wizard/fields.py" line="115" />
      <source>Write the date as day-month-year, e.g. 24-12-2019.</source>
      <translation>Skriv datoen som dag-måned-år, fx 24-12-2019.</translation>
    </message>
    <message>
      <location filename="../desktop/ui/wizard/fields.py" line="143" />
      <source>DD-MM-YYYY HH:MM</source>
      <translation>DD-MM-ÅÅÅÅ TT.MM</translation>
    </message>
    <message>
      <location filename="../desktop/ui/wizard/fields.py" line="148" />
      <source>Write the date and time as day-month-year hours:minutes, e.g. 24-12-2019 08:15.</source>
      <translation>Skriv dato og klokkeslæt som dag-måned-år time.minut, fx 24-12-2019 08.15.</translation>
    </message>
    <message>
      <location filename="../desktop/ui/wizard/choices.py" line="102" />
      <location filename="../desktop/ui/wizard/derived_notice.py" line="43" />
      <source>Yes</source>
      <translation>Ja</translation>
    </message>
    <message>
      <location filename="../desktop/ui/wizard/choices.py" line="102" />
      <location filename="../desktop/ui/wizard/confirm.py" line="62" />
      <location filename="../desktop/ui/wizard/derived_notice.py" line="45" />
      <source>No</source>
      <translation>Nej</translation>
    </message>
    <message>
      <location filename="../desktop/ui/wizard/choices.py" line="104" />
      <location filename="../desktop/ui/wizard/derived_notice.py" line="47" />
      <source>Don't know</source>
      <translation>Ved ikke</translation>
    </message>
    <message>
      <location filename="../desktop/ui/wizard/choices.py" line="175" />
      <source>Why not?</source>
      <translation>Hvorfor ikke?</translation>
    </message>
    <message>
      <location filename="../desktop/ui/wizard/fields.py" line="173" />
      <source>Name</source>
      <translation>Navn</translation>
    </message>
    <message>
      <location filename="../desktop/ui/wizard/fields.py" line="174" />
      <source>Role</source>
      <translation>Stilling</translation>
    </message>
    <message>
      <location filename="../desktop/ui/wizard/fields.py" line="175" />
      <source>Phone</source>
      <translation>Telefon</translation>
    </message>
    <message>
      <location filename="../desktop/ui/wizard/fields.py" line="176" />
      <source>E-mail</source>
      <translation>E-mail</translation>
    </message>
    <message>
      <location filename="../desktop/ui/wizard/fields.py" line="219" />
      <source>DDMMYY-XXXX</source>
      <translation>DDMMÅÅ-XXXX</translation>
    </message>
    <message>
      <location filename="../desktop/ui/wizard/fields.py" line="241" />
      <source>The first six digits are not a real date (DDMMYY). Please check the number.</source>
      <translation>De første seks cifre er ikke en rigtig dato (DDMMÅÅ). Tjek venligst nummeret.</translation>
    </message>
    <message>
      <location filename="../desktop/ui/wizard/fields.py" line="244" />
      <source>A CPR number has ten digits, e.g. 241219-1234.</source>
      <translation>Et CPR-nummer har ti cifre, fx 241219-1234.</translation>
    </message>
    <message>
      <location filename="../desktop/ui/wizard/fields.py" line="247" />
      <source>Please check that the number is typed correctly. (Many newer numbers are like this; you can go on.)</source>
      <translation>Tjek gerne, at nummeret er skrevet rigtigt. (Mange nyere numre ser sådan ud – du kan godt fortsætte.)</translation>
    </message>
    <message>
      <location filename="../desktop/ui/wizard/group_editor.py" line="30" />
      <location filename="../desktop/ui/wizard/group_editor.py" line="68" />
      <location filename="../desktop/ui/wizard/group_editor.py" line="142" />
      <source>Item</source>
      <translation>Punkt</translation>
    </message>
    <message>
      <location filename="../desktop/ui/wizard/group_editor.py" line="43" />
      <location filename="../desktop/ui/wizard/group_editor.py" line="45" />
      <source>Remove %1</source>
      <translation>Fjern %1</translation>
    </message>
    <message>
      <location filename="../desktop/ui/wizard/group_editor.py" line="69" />
      <location filename="../desktop/ui/wizard/group_editor.py" line="143" />
      <source>Add %1</source>
      <translation>Tilføj %1</translation>
    </message>
    <message>
      <location filename="../desktop/ui/wizard/guidance.py" line="65" />
      <source>Call now</source>
      <translation>Ring nu</translation>
    </message>
    <message>
      <location filename="../desktop/ui/wizard/guidance.py" line="86" />
      <source>Whom to call now</source>
      <translation>Hvem du skal ringe til nu</translation>
    </message>
    <message>
      <location filename="../desktop/ui/wizard/recovery.py" line="63" />
      <source>Underret was closed unexpectedly while you were writing a notification. Everything you wrote has been kept.</source>
      <translation>Underret blev lukket uventet, mens du skrev en underretning. Alt, hvad du skrev, er gemt.</translation>
    </message>
    <message>
      <location filename="../desktop/ui/wizard/recovery.py" line="66" />
      <source>The child's initials: %1</source>
      <translation>Barnets initialer: %1</translation>
    </message>
    <message>
      <location filename="../desktop/ui/wizard/recovery.py" line="68" />
      <location filename="../desktop/ui/wizard/recovery.py" line="71" />
      <source>We recovered the notification you were writing</source>
      <translation>Vi har gemt den underretning, du var i gang med</translation>
    </message>
    <message>
      <location filename="../desktop/ui/wizard/recovery.py" line="72" />
      <source>&amp;Open it</source>
      <translation>&amp;Åbn den</translation>
    </message>
    <message>
      <location filename="../desktop/ui/wizard/recovery.py" line="73" />
      <source>&amp;Later</source>
      <translation>&amp;Senere</translation>
    </message>
    <message>
      <location filename="../desktop/ui/wizard/review.py" line="140" />
      <source>Where it says “Not filled in yet”, an answer is still missing. Tab to it in the text and press Enter to go there.</source>
      <translation>Hvor der står »Ikke udfyldt endnu«, mangler der stadig et svar. Gå til det med Tab i teksten, og tryk Enter for at komme derhen.</translation>
    </message>
    <message>
      <location filename="../desktop/ui/wizard/review.py" line="149" />
      <source>The notification as the municipality will read it</source>
      <translation>Underretningen, sådan som kommunen vil læse den</translation>
    </message>
    <message>
      <location filename="../desktop/ui/wizard/review.py" line="161" />
      <location filename="../desktop/ui/wizard/review.py" line="163" />
      <source>Edit: %1</source>
      <translation>Ret: %1</translation>
    </message>
    <message>
      <location filename="../desktop/ui/wizard/review.py" line="173" />
      <source>Once sent, the notification cannot be changed; a correction is sent as a new notification.</source>
      <translation>Når underretningen er sendt, kan den ikke ændres – en rettelse sendes som en ny underretning.</translation>
    </message>
    <message>
      <location filename="../desktop/ui/wizard/review.py" line="194" />
      <source>Before you can send it, please look at these:</source>
      <translation>Før du kan sende den, skal du lige se på dette:</translation>
    </message>
    <message>
      <location filename="../desktop/ui/wizard/signal_checklist.py" line="54" />
      <source>Search, e.g. bruise, hunger, absence</source>
      <extracomment>How long after the last keystroke in the search the number of signs found is said.</extracomment>
      <translation>Søg, fx blå mærker, sult, fravær</translation>
    </message>
    <message>
      <location filename="../desktop/ui/wizard/signal_checklist.py" line="55" />
      <source>Search the signs</source>
      <translation>Søg i tegnene</translation>
    </message>
    <message>
      <location filename="../desktop/ui/wizard/signal_checklist.py" line="75" />
      <source>No signs match the search.</source>
      <translation>Ingen tegn passer til søgningen.</translation>
    </message>
    <message>
      <location filename="../desktop/ui/wizard/signal_checklist.py" line="108" />
      <source>Use the arrow keys to move and Space to tick a sign.</source>
      <translation>Brug piletasterne til at flytte og mellemrum til at sætte kryds.</translation>
    </message>
    <message>
      <location filename="../desktop/ui/wizard/signal_checklist.py" line="117" />
      <source>The child's age is not known yet, so all signs are shown.</source>
      <translation>Barnets alder kendes ikke endnu, så alle tegn vises.</translation>
    </message>
    <message>
      <location filename="../desktop/ui/wizard/signal_checklist.py" line="119" />
      <source>Signs for the age group: %1</source>
      <translation>Tegn for aldersgruppen: %1</translation>
    </message>
    <message>
      <location filename="../desktop/ui/wizard/window.py" line="281" />
      <source>Child in danger? &amp;Whom to call</source>
      <translation>Barn i fare? &amp;Hvem skal jeg ringe til</translation>
    </message>
    <message>
      <location filename="../desktop/ui/wizard/window.py" line="282" />
      <source>Child in danger right now? Show whom to call</source>
      <translation>Er barnet i fare lige nu? Vis, hvem du skal ringe til</translation>
    </message>
    <message>
      <location filename="../desktop/ui/wizard/window.py" line="283" />
      <source>The finalised notification</source>
      <translation>Den færdige underretning</translation>
    </message>
    <message>
      <location filename="../desktop/ui/wizard/window.py" line="284" />
      <source>&amp;Discard draft</source>
      <translation>&amp;Kassér kladden</translation>
    </message>
    <message>
      <location filename="../desktop/ui/wizard/window.py" line="286" />
      <source>&amp;Back</source>
      <translation>&amp;Tilbage</translation>
    </message>
    <message>
      <location filename="../desktop/ui/wizard/window.py" line="287" />
      <source>Back to the previous page</source>
      <translation>Tilbage til forrige side</translation>
    </message>
    <message>
      <location filename="../desktop/ui/wizard/window.py" line="288" />
      <source>&amp;Next</source>
      <translation>&amp;Næste</translation>
    </message>
    <message>
      <location filename="../desktop/ui/wizard/window.py" line="289" />
      <source>Next page</source>
      <translation>Næste side</translation>
    </message>
    <message>
      <location filename="../desktop/ui/wizard/window.py" line="290" />
      <source>Back to re&amp;view</source>
      <translation>Tilbage til &amp;gennemsyn</translation>
    </message>
    <message>
      <location filename="../desktop/ui/wizard/window.py" line="291" />
      <source>Back to the review page</source>
      <translation>Tilbage til siden Gennemse og send</translation>
    </message>
    <message>
      <location filename="../desktop/ui/wizard/window.py" line="292" />
      <source>Back to the review page (Ctrl+R)</source>
      <translation>Tilbage til siden Gennemse og send (Ctrl+R)</translation>
    </message>
    <message>
      <location filename="../desktop/ui/wizard/window.py" line="295" />
      <source>&amp;Correct it</source>
      <translation>&amp;Ret den</translation>
    </message>
    <message>
      <location filename="../desktop/ui/wizard/window.py" line="296" />
      <source>Write a correction: a new notification that refers to this one</source>
      <translation>Skriv en rettelse: en ny underretning, der henviser til denne</translation>
    </message>
    <message>
      <location filename="../desktop/ui/wizard/window.py" line="298" />
      <source>C&amp;lose</source>
      <translation>&amp;Luk</translation>
    </message>
    <message>
      <location filename="../desktop/ui/wizard/window.py" line="299" />
      <source>Close the window</source>
      <translation>Luk vinduet</translation>
    </message>
    <message>
      <location filename="../desktop/ui/wizard/window.py" line="280" />
      <source>Underret – notification of concern</source>
      <extracomment>Set when the window closes without the usual save (lock, discard, another window took over). The page to show once it is built (the window opens before its first page is complete). A correction's note of what it corrects (see :mod:`.finalised_view`). A finalised notification's delivery, kept up to date (see :mod:`.finalised_view`). Came here from the review page (a problem, a gap or "Edit"): the way back is offered.</extracomment>
      <translation>Underret – underretning</translation>
    </message>
    <message>
      <location filename="../desktop/ui/wizard/finalised_view.py" line="119" />
      <source>This is a correction of %1. It is sent as a new notification that refers to that one; write what is different.</source>
      <translation>Dette er en rettelse af %1. Den sendes som en ny underretning, der henviser til den første; skriv, hvad der er anderledes.</translation>
    </message>
    <message>
      <location filename="../desktop/ui/wizard/window.py" line="419" />
      <source>Step %1 of %2: %3</source>
      <translation>Trin %1 af %2: %3</translation>
    </message>
    <message>
      <location filename="../desktop/ui/wizard/window.py" line="490" />
      <source>Saved %1</source>
      <translation>Gemt %1</translation>
    </message>
    <message>
      <location filename="../desktop/ui/wizard/window.py" line="502" />
      <source>Not saved</source>
      <translation>Ikke gemt</translation>
    </message>
    <message>
      <location filename="../desktop/ui/wizard/sending.py" line="92" />
      <source>the notification with reference number %1</source>
      <translation>underretningen med referencenummer %1</translation>
    </message>
    <message>
      <location filename="../desktop/ui/wizard/sending.py" line="96" />
      <source>the notification with reference number %1, finished on %2</source>
      <translation>underretningen med referencenummer %1, gjort færdig %2</translation>
    </message>
    <message>
      <location filename="../desktop/ui/wizard/sending.py" line="267" />
      <source>Sending is being prepared…</source>
      <extracomment>"Finish and send?" while it is asked.</extracomment>
      <translation>Afsendelsen gøres klar …</translation>
    </message>
    <message>
      <location filename="../desktop/ui/wizard/sending.py" line="293" />
      <source>Not sent yet</source>
      <translation>Ikke sendt endnu</translation>
    </message>
    <message>
      <location filename="../desktop/ui/wizard/finalised_view.py" line="90" />
      <source>This notification is finished and locked; it can no longer be changed. To correct it, write a correction: a new notification that refers to this one.</source>
      <translation>Underretningen er færdig og låst og kan ikke længere ændres. Vil du rette den, så skriv en rettelse: en ny underretning, der henviser til denne.</translation>
    </message>
    <message>
      <location filename="../desktop/ui/wizard/finalised_view.py" line="94" />
      <source>The finished notification</source>
      <translation>Den færdige underretning</translation>
    </message>
    <message>
      <location filename="../desktop/ui/wizard/finalised_view.py" line="140" />
      <location filename="../desktop/ui/wizard/finalised_view.py" line="151" />
      <source>The correction could not be started</source>
      <translation>Rettelsen kunne ikke startes</translation>
    </message>
    <message>
      <location filename="../desktop/ui/wizard/discarding.py" line="20" />
      <source>Discard this notification?</source>
      <translation>Vil du kassere underretningen?</translation>
    </message>
    <message>
      <location filename="../desktop/ui/wizard/discarding.py" line="21" />
      <source>What you have written will be deleted and cannot be brought back.</source>
      <translation>Det, du har skrevet, bliver slettet og kan ikke hentes frem igen.</translation>
    </message>
    <message>
      <location filename="../desktop/ui/wizard/discarding.py" line="25" />
      <source>&amp;Delete it</source>
      <translation>&amp;Slet den</translation>
    </message>
    <message>
      <location filename="../desktop/ui/wizard/discarding.py" line="26" />
      <source>&amp;Keep it</source>
      <translation>&amp;Behold den</translation>
    </message>
    <message>
      <location filename="../desktop/ui/wizard/confirm.py" line="36" />
      <source>An unborn child (due %1)</source>
      <translation>Et ufødt barn (termin %1)</translation>
    </message>
    <message>
      <location filename="../desktop/ui/wizard/confirm.py" line="37" />
      <source>(no name given)</source>
      <translation>(intet navn angivet)</translation>
    </message>
    <message>
      <location filename="../desktop/ui/wizard/confirm.py" line="39" />
      <source>%1, born %2</source>
      <translation>%1, født %2</translation>
    </message>
    <message>
      <location filename="../desktop/ui/wizard/confirm.py" line="49" />
      <source>Child</source>
      <translation>Barn</translation>
    </message>
    <message>
      <location filename="../desktop/ui/wizard/confirm.py" line="52" />
      <source>Sent to</source>
      <translation>Sendes til</translation>
    </message>
    <message>
      <location filename="../desktop/ui/wizard/confirm.py" line="56" />
      <location filename="../desktop/ui/wizard/confirm.py" line="59" />
      <location filename="../desktop/ui/wizard/confirm.py" line="62" />
      <location filename="../desktop/ui/wizard/confirm.py" line="108" />
      <source>Child in danger right now</source>
      <translation>Barnet er i fare lige nu</translation>
    </message>
    <message>
      <location filename="../desktop/ui/wizard/confirm.py" line="56" />
      <source>Yes. Writing is not enough: phone now as well. %1</source>
      <translation>Ja. Det er ikke nok at skrive: Ring også nu. %1</translation>
    </message>
    <message>
      <location filename="../desktop/ui/wizard/confirm.py" line="59" />
      <source>Don't know. If you are in doubt, phone as well. %1</source>
      <translation>Ved ikke. Er du i tvivl, så ring også. %1</translation>
    </message>
    <message>
      <location filename="../desktop/ui/wizard/confirm.py" line="65" />
      <source>Corrects</source>
      <translation>Retter</translation>
    </message>
    <message>
      <location filename="../desktop/ui/wizard/confirm.py" line="66" />
      <source>What happens now</source>
      <translation>Det sker der nu</translation>
    </message>
    <message>
      <location filename="../desktop/ui/wizard/confirm.py" line="72" />
      <source>The notification is locked and can no longer be changed (a correction is sent as a new notification). It is sent securely to the municipality as soon as this PC is online.</source>
      <translation>Underretningen låses og kan ikke ændres bagefter (en rettelse sendes som en ny underretning). Den sendes sikkert til kommunen, så snart pc'en er på nettet.</translation>
    </message>
    <message>
      <location filename="../desktop/ui/wizard/confirm.py" line="76" />
      <source>Within 24 hours the municipality must assess whether the child needs help at once, and within six working days it must send you a receipt. Later it must tell you whether the notification has led to an investigation or support, unless that could harm the child.</source>
      <translation>Kommunen skal inden for 24 timer vurdere, om barnet har brug for hjælp med det samme, og inden for seks hverdage sende dig en kvittering. Senere skal kommunen give dig besked om, hvorvidt underretningen har ført til en undersøgelse eller støtte, medmindre det kan skade barnet.</translation>
    </message>
    <message>
      <location filename="../desktop/ui/wizard/confirm.py" line="82" />
      <source>Within 24 hours the municipality must assess whether the child needs help at once.</source>
      <translation>Kommunen skal inden for 24 timer vurdere, om barnet har brug for hjælp med det samme.</translation>
    </message>
    <message>
      <location filename="../desktop/ui/wizard/confirm.py" line="95" />
      <source>Finish and send?</source>
      <translation>Gør færdig og send?</translation>
    </message>
    <message>
      <location filename="../desktop/ui/wizard/confirm.py" line="98" />
      <source>Finish and send the notification?</source>
      <translation>Vil du gøre underretningen færdig og sende den?</translation>
    </message>
    <message>
      <location filename="../desktop/ui/wizard/confirm.py" line="125" />
      <location filename="../desktop/ui/wizard/window.py" line="293" />
      <source>&amp;Finish and send</source>
      <translation>&amp;Gør færdig og send</translation>
    </message>
    <message>
      <location filename="../desktop/ui/wizard/confirm.py" line="128" />
      <location filename="../desktop/ui/wizard/window.py" line="294" />
      <source>Finish and send the notification</source>
      <translation>Gør underretningen færdig, og send den</translation>
    </message>
    <message>
      <location filename="../desktop/ui/wizard/confirm.py" line="129" />
      <source>&amp;Go back</source>
      <translation>Gå &amp;tilbage</translation>
    </message>
    <message>
      <location filename="../desktop/ui/wizard/confirm.py" line="132" />
      <source>Go back to the review</source>
      <translation>Gå tilbage til gennemsynet</translation>
    </message>
    <message>
      <location filename="../desktop/ui/wizard/municipality_picker.py" line="45" />
      <source>Choose the municipality</source>
      <translation>Vælg kommunen</translation>
    </message>
    <message>
      <location filename="../desktop/ui/wizard/municipality_picker.py" line="70" />
      <source>%1 receives notifications through Underret over the internet, and this PC may only send them by secure e-mail (set by the IT department). You can write the notification here, but it cannot be sent from here. Phone %1 today and tell them about your concern.</source>
      <translation>%1 modtager underretninger gennem Underret over internettet, og denne pc må kun sende dem med sikker mail (det har it-afdelingen bestemt). Du kan skrive underretningen her, men den kan ikke sendes herfra. Ring til %1 i dag, og fortæl om din bekymring.</translation>
    </message>
    <message>
      <location filename="../desktop/ui/wizard/municipality_picker.py" line="76" />
      <source>Their number: %1.</source>
      <translation>Nummeret er %1.</translation>
    </message>
    <message>
      <location filename="../desktop/ui/wizard/municipality_picker.py" line="78" />
      <source>%1 cannot receive notifications through Underret yet. You can write the notification here, but it cannot be sent from here. Phone %1 on %2 today and tell them about your concern.</source>
      <translation>%1 kan endnu ikke modtage underretninger gennem Underret. Du kan skrive underretningen her, men den kan ikke sendes herfra. Ring til %1 på %2 i dag, og fortæl om din bekymring.</translation>
    </message>
    <message>
      <location filename="../desktop/ui/wizard/municipality_picker.py" line="83" />
      <source>%1 cannot receive notifications through Underret yet. You can write the notification here, but it cannot be sent from here. Phone %1 today (the number is on the municipality's website) and tell them about your concern.</source>
      <translation>%1 kan endnu ikke modtage underretninger gennem Underret. Du kan skrive underretningen her, men den kan ikke sendes herfra. Ring til %1 i dag (nummeret står på kommunens hjemmeside), og fortæl om din bekymring.</translation>
    </message>
    <message>
      <location filename="../desktop/ui/wizard/page.py" line="76" />
      <source>Fields marked * must be filled in.</source>
      <extracomment>"Fields with * must be filled in", shown while the page has a required field.</extracomment>
      <translation>Felter med * skal udfyldes.</translation>
    </message>
    <message>
      <location filename="../desktop/ui/wizard/sibling.py" line="69" />
      <source>&amp;Notify about a sibling too</source>
      <translation>Underret også om en &amp;søskende</translation>
    </message>
    <message>
      <location filename="../desktop/ui/wizard/sibling.py" line="70" />
      <source>Notify about a sibling too</source>
      <translation>Underret også om en søskende</translation>
    </message>
    <message>
      <location filename="../desktop/ui/wizard/sibling.py" line="71" />
      <source>Starts a new notification about a brother or sister, with the family filled in</source>
      <translation>Starter en ny underretning om en bror eller søster, hvor familien allerede er udfyldt</translation>
    </message>
    <message>
      <location filename="../desktop/ui/wizard/sibling.py" line="82" />
      <source>The notification about a sibling could not be started</source>
      <translation>Underretningen om en søskende kunne ikke startes</translation>
    </message>
    <message>
      <location filename="../desktop/ui/wizard/sibling.py" line="93" />
      <source>Another child in the family</source>
      <translation>Et andet barn i familien</translation>
    </message>
    <message>
      <location filename="../desktop/ui/wizard/derived_notice.py" line="90" />
      <source>&amp;Undo</source>
      <translation>&amp;Fortryd</translation>
    </message>
    <message>
      <location filename="../desktop/ui/wizard/derived_notice.py" line="92" />
      <source>Put these answers back as they were</source>
      <translation>Sæt svarene tilbage, som de var</translation>
    </message>
    <message>
      <location filename="../desktop/ui/wizard/derived_notice.py" line="107" />
      <source>From your answer we have also filled in:</source>
      <extracomment>(path, the answer before) of each change shown, and the field the person was changing.</extracomment>
      <translation>Ud fra dit svar har vi også udfyldt:</translation>
    </message>
    <message>
      <location filename="../desktop/ui/wizard/derived_notice.py" line="119" />
      <source>Press Tab, then Space on Undo, to put them back.</source>
      <translation>Tryk på Tab og derefter mellemrum på Fortryd for at sætte dem tilbage.</translation>
    </message>
    <message>
      <location filename="../desktop/ui/wizard/derived_notice.py" line="143" />
      <source>The answers are back as they were.</source>
      <translation>Svarene er sat tilbage, som de var.</translation>
    </message>
  </context>
  <context>
    <name>WizardMessages</name>
    <message>
      <location filename="../desktop/ui/wizard/finalising.py" line="53" />
      <source>This PC is not set up to send notifications yet. What you wrote is kept as a draft. Please contact IT, and phone the municipality if the matter is urgent.</source>
      <translation>Denne pc er endnu ikke sat op til at sende underretninger. Det, du har skrevet, er gemt som kladde. Kontakt it-afdelingen – og ring til kommunen, hvis det haster.</translation>
    </message>
    <message>
      <location filename="../desktop/ui/wizard/finalising.py" line="56" />
      <source>{name} cannot receive notifications through Underret yet, so this notification cannot be sent from here. It is kept here as a draft and is not sent by itself; nothing is lost. Phone {name} on {number} today and tell them about your concern.</source>
      <translation>{name} kan endnu ikke modtage underretninger gennem Underret, så underretningen kan ikke sendes herfra. Den er gemt her som kladde og bliver ikke sendt af sig selv – intet går tabt. Ring til {name} på {number} i dag, og fortæl om din bekymring.</translation>
    </message>
    <message>
      <location filename="../desktop/ui/wizard/finalising.py" line="60" />
      <source>{name} cannot receive notifications through Underret yet, so this notification cannot be sent from here. It is kept here as a draft and is not sent by itself; nothing is lost. Phone {name} today (the number is on the municipality's website) and tell them about your concern.</source>
      <translation>{name} kan endnu ikke modtage underretninger gennem Underret, så underretningen kan ikke sendes herfra. Den er gemt her som kladde og bliver ikke sendt af sig selv – intet går tabt. Ring til {name} i dag (nummeret står på kommunens hjemmeside), og fortæl om din bekymring.</translation>
    </message>
    <message>
      <location filename="../desktop/ui/wizard/finalising.py" line="65" />
      <source>{name} receives notifications through Underret over the internet, and this PC may only send them by secure e-mail (set by the IT department). So this notification cannot be sent from here. It is kept here as a draft and is not sent by itself; nothing is lost. Phone {name} on {number} today and tell them about your concern.</source>
      <translation>{name} modtager underretninger gennem Underret over internettet, og denne pc må kun sende dem med sikker mail (det har it-afdelingen bestemt). Derfor kan underretningen ikke sendes herfra. Den er gemt her som kladde og bliver ikke sendt af sig selv – intet går tabt. Ring til {name} på {number} i dag, og fortæl om din bekymring.</translation>
    </message>
    <message>
      <location filename="../desktop/ui/wizard/finalising.py" line="71" />
      <source>{name} receives notifications through Underret over the internet, and this PC may only send them by secure e-mail (set by the IT department). So this notification cannot be sent from here. It is kept here as a draft and is not sent by itself; nothing is lost. Phone {name} today (the number is on the municipality's website) and tell them about your concern.</source>
      <translation>{name} modtager underretninger gennem Underret over internettet, og denne pc må kun sende dem med sikker mail (det har it-afdelingen bestemt). Derfor kan underretningen ikke sendes herfra. Den er gemt her som kladde og bliver ikke sendt af sig selv – intet går tabt. Ring til {name} i dag (nummeret står på kommunens hjemmeside), og fortæl om din bekymring.</translation>
    </message>
    <message>
      <location filename="../desktop/ui/wizard/finalising.py" line="77" />
      <source>Something is still missing in the notification. Please look at the marked field.</source>
      <translation>Der mangler stadig noget i underretningen. Se på det markerede felt.</translation>
    </message>
    <message>
      <location filename="../desktop/ui/wizard/finalising.py" line="79" />
      <source>Your latest changes could not be saved. Keep this window open and try again.</source>
      <translation>Dine seneste ændringer kunne ikke gemmes. Lad vinduet være åbent, og prøv igen.</translation>
    </message>
  </context>
  <context>
    <name>WizardProblems</name>
    <message>
      <location filename="../desktop/ui/wizard/problems.py" line="16" />
      <source>Please fill this in.</source>
      <translation>Udfyld venligst dette felt.</translation>
    </message>
    <message>
      <location filename="../desktop/ui/wizard/problems.py" line="17" />
      <source>This text is too long: at most {max} characters (now {length}).</source>
      <translation>Teksten er for lang: højst {max} tegn (nu {length}).</translation>
    </message>
    <message>
      <location filename="../desktop/ui/wizard/problems.py" line="19" />
      <source>Please write a little more here.</source>
      <translation>Skriv gerne lidt mere her.</translation>
    </message>
    <message>
      <location filename="../desktop/ui/wizard/problems.py" line="20" />
      <source>This does not look like an e-mail address.</source>
      <translation>Det ligner ikke en e-mailadresse.</translation>
    </message>
    <message>
      <location filename="../desktop/ui/wizard/problems.py" line="21" />
      <source>This does not look like a phone number.</source>
      <translation>Det ligner ikke et telefonnummer.</translation>
    </message>
    <message>
      <location filename="../desktop/ui/wizard/problems.py" line="22" />
      <source>Write the date as day-month-year, e.g. 24-12-2019.</source>
      <translation>Skriv datoen som dag-måned-år, fx 24-12-2019.</translation>
    </message>
    <message>
      <location filename="../desktop/ui/wizard/problems.py" line="24" />
      <source>Write the date and time as day-month-year hours:minutes, e.g. 24-12-2019 08:15.</source>
      <translation>Skriv dato og klokkeslæt som dag-måned-år time.minut, fx 24-12-2019 08.15.</translation>
    </message>
    <message>
      <location filename="../desktop/ui/wizard/problems.py" line="27" />
      <source>This date lies in the future.</source>
      <translation>Datoen ligger ude i fremtiden.</translation>
    </message>
    <message>
      <location filename="../desktop/ui/wizard/problems.py" line="28" />
      <source>This date lies in the past.</source>
      <translation>Datoen ligger i fortiden.</translation>
    </message>
    <message>
      <location filename="../desktop/ui/wizard/problems.py" line="29" />
      <source>This date is more than {days} days ahead.</source>
      <translation>Datoen ligger mere end {days} dage ude i fremtiden.</translation>
    </message>
    <message>
      <location filename="../desktop/ui/wizard/problems.py" line="31" />
      <source>This date is more than {days} days back.</source>
      <translation>Datoen ligger mere end {days} dage tilbage.</translation>
    </message>
    <message>
      <location filename="../desktop/ui/wizard/problems.py" line="33" />
      <source>Please choose one of the options.</source>
      <translation>Vælg en af mulighederne.</translation>
    </message>
    <message>
      <location filename="../desktop/ui/wizard/problems.py" line="34" />
      <source>Please fill this in again.</source>
      <translation>Udfyld venligst feltet igen.</translation>
    </message>
    <message>
      <location filename="../desktop/ui/wizard/problems.py" line="35" />
      <source>Please write why the parent has not been told.</source>
      <translation>Skriv, hvorfor forælderen ikke har fået det at vide.</translation>
    </message>
    <message>
      <location filename="../desktop/ui/wizard/problems.py" line="42" />
      <source>This CPR number gives a birth date in the future. Please check that it is typed correctly.</source>
      <translation>CPR-nummeret giver en fødselsdato, der ligger i fremtiden. Tjek, at nummeret er skrevet rigtigt.</translation>
    </message>
    <message>
      <location filename="../desktop/ui/wizard/problems.py" line="47" />
      <source>With this birth date the child is 18 or older. A notification must be about a child under 18. Please check that it is typed correctly.</source>
      <translation>Med denne fødselsdato er barnet 18 år eller ældre. En underretning skal handle om et barn under 18 år. Tjek, at det er skrevet rigtigt.</translation>
    </message>
    <message>
      <location filename="../desktop/ui/wizard/problems.py" line="51" />
      <source>With this birth date the child is not born yet. Please check that it is typed correctly; for an unborn child, choose that at the top of the page.</source>
      <translation>Med denne fødselsdato er barnet ikke født endnu. Tjek, at det er skrevet rigtigt. Gælder det et ufødt barn, så vælg det øverst på siden.</translation>
    </message>
    <message>
      <location filename="../desktop/ui/wizard/problems.py" line="56" />
      <source>You have answered that you suspect violence or abuse at home, and that a parent knows about the notification. Please write under “What happened?” when and how the parent came to know.</source>
      <translation>Du har svaret, at du har mistanke om vold eller overgreb i hjemmet, og at en forælder kender til underretningen. Skriv under »Hvad er der sket?«, hvornår og hvordan forælderen fik det at vide.</translation>
    </message>
    <message>
      <location filename="../desktop/ui/wizard/bodymap_editor.py" line="178" />
      <location filename="../desktop/ui/wizard/problems.py" line="37" />
      <source>At most {max} can be added here.</source>
      <translation>Du kan højst tilføje {max} her.</translation>
    </message>
    <message>
      <location filename="../desktop/ui/wizard/problems.py" line="38" />
      <source>Please write the person's name.</source>
      <translation>Skriv personens navn.</translation>
    </message>
    <message>
      <location filename="../desktop/ui/wizard/problems.py" line="39" />
      <source>A CPR number has ten digits, e.g. 241219-1234.</source>
      <translation>Et CPR-nummer har ti cifre, fx 241219-1234.</translation>
    </message>
    <message>
      <location filename="../desktop/ui/wizard/problems.py" line="40" />
      <source>The first six digits of the CPR number are not a real date (DDMMYY).</source>
      <translation>De første seks cifre i CPR-nummeret er ikke en rigtig dato (DDMMÅÅ).</translation>
    </message>
    <message>
      <location filename="../desktop/ui/wizard/problems.py" line="45" />
      <source>Please check that the CPR number is typed correctly. You can go on.</source>
      <translation>Tjek gerne, at CPR-nummeret er skrevet rigtigt. Du kan godt fortsætte.</translation>
    </message>
    <message>
      <location filename="../desktop/ui/wizard/problems.py" line="54" />
      <source>{count} ticked signs are no longer in the guidelines and will be left out.</source>
      <translation>{count} af de afkrydsede tegn findes ikke længere i retningslinjerne og bliver udeladt.</translation>
    </message>
    <message>
      <location filename="../desktop/ui/wizard/problems.py" line="67" />
      <source>Please check this field.</source>
      <translation>Tjek venligst dette felt.</translation>
    </message>
  </context>
</TS>
