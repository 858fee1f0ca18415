<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="da" sourcelanguage="en">
  <context>
    <name>AssessmentDialog</name>
    <message>
      <location filename="../desktop/ui/desk/dialogs.py" line="33" />
      <source>24-hour assessment</source>
      <extracomment>The § 137 outcomes the desk can tell a professional notifier.</extracomment>
      <translation>Vurdering inden for 24 timer</translation>
    </message>
    <message>
      <location filename="../desktop/ui/desk/dialogs.py" line="34" />
      <source>Assess whether %1's health or development is in danger and whether acute measures are needed.</source>
      <translation>Vurdér, om %1s sundhed eller udvikling er i fare, og om der er brug for akutte foranstaltninger.</translation>
    </message>
    <message>
      <location filename="../desktop/ui/desk/dialogs.py" line="37" />
      <source>&amp;No immediate danger</source>
      <translation>&amp;Ingen umiddelbar fare</translation>
    </message>
    <message>
      <location filename="../desktop/ui/desk/dialogs.py" line="38" />
      <source>No immediate danger</source>
      <translation>Ingen umiddelbar fare</translation>
    </message>
    <message>
      <location filename="../desktop/ui/desk/dialogs.py" line="39" />
      <source>&amp;Acute measures taken</source>
      <translation>&amp;Akutte foranstaltninger iværksat</translation>
    </message>
    <message>
      <location filename="../desktop/ui/desk/dialogs.py" line="40" />
      <source>Acute measures taken</source>
      <translation>Akutte foranstaltninger iværksat</translation>
    </message>
    <message>
      <location filename="../desktop/ui/desk/dialogs.py" line="46" />
      <source>Note on the assessment</source>
      <translation>Note om vurderingen</translation>
    </message>
    <message>
      <location filename="../desktop/ui/desk/dialogs.py" line="48" />
      <source>N&amp;ote (kept in this desk only)</source>
      <translation>N&amp;ote (gemmes kun i denne modtagelse)</translation>
    </message>
    <message>
      <location filename="../desktop/ui/desk/dialogs.py" line="53" />
      <source>&amp;Record assessment</source>
      <translation>&amp;Registrér vurdering</translation>
    </message>
    <message>
      <location filename="../desktop/ui/desk/dialogs.py" line="54" />
      <source>Record assessment</source>
      <translation>Registrér vurdering</translation>
    </message>
    <message>
      <location filename="../desktop/ui/desk/dialogs.py" line="56" />
      <source>Cancel</source>
      <translation>Annuller</translation>
    </message>
    <message>
      <location filename="../desktop/ui/desk/dialogs.py" line="62" />
      <source>What did the assessment find?</source>
      <translation>Hvad viste vurderingen?</translation>
    </message>
  </context>
  <context>
    <name>DailySummaryDialog</name>
    <message>
      <location filename="../desktop/ui/desk/summary_dialog.py" line="43" />
      <source>Daily summary</source>
      <translation>Daglig oversigt</translation>
    </message>
    <message>
      <location filename="../desktop/ui/desk/summary_dialog.py" line="48" />
      <source>Notifications not assessed within 24 hours</source>
      <translation>Underretninger, der ikke er vurderet inden for 24 timer</translation>
    </message>
    <message>
      <location filename="../desktop/ui/desk/summary_dialog.py" line="55" />
      <source>Envelopes that could not be opened</source>
      <translation>Underretninger, der ikke kunne åbnes</translation>
    </message>
    <message>
      <location filename="../desktop/ui/desk/summary_dialog.py" line="58" />
      <source>Close</source>
      <translation>Luk</translation>
    </message>
    <message numerus="yes">
      <location filename="../desktop/ui/desk/summary_dialog.py" line="96" />
      <source>%n envelope(s) could not be opened:</source>
      <translation>
        <numerusform>%n underretning kunne ikke åbnes:</numerusform>
        <numerusform>%n underretninger kunne ikke åbnes:</numerusform>
      </translation>
    </message>
    <message>
      <location filename="../desktop/ui/desk/summary_dialog.py" line="98" />
      <source>Number %1 at the intake: %2</source>
      <translation>Nummer %1 i modtagesystemet: %2</translation>
    </message>
    <message numerus="yes">
      <location filename="../desktop/ui/desk/summary_dialog.py" line="103" />
      <source>%n notification(s) not assessed within 24 hours:</source>
      <translation>
        <numerusform>%n underretning er ikke vurderet inden for 24 timer:</numerusform>
        <numerusform>%n underretninger er ikke vurderet inden for 24 timer:</numerusform>
      </translation>
    </message>
    <message>
      <location filename="../desktop/ui/desk/summary_dialog.py" line="105" />
      <source>Every notification received more than 24 hours ago is assessed.</source>
      <translation>Alle underretninger, der er modtaget for mere end 24 timer siden, er vurderet.</translation>
    </message>
    <message>
      <location filename="../desktop/ui/desk/summary_dialog.py" line="73" />
      <source>ACUTE</source>
      <extracomment>The notification id of each line of ``list``, in its order.</extracomment>
      <translation>AKUT</translation>
    </message>
  </context>
  <context>
    <name>DeskCounts</name>
    <message numerus="yes">
      <location filename="../desktop/ui/desk/wording.py" line="24" />
      <source>%n month(s)</source>
      <translation>
        <numerusform>%n måned</numerusform>
        <numerusform>%n måneder</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <location filename="../desktop/ui/desk/wording.py" line="27" />
      <source>%n year(s)</source>
      <translation>
        <numerusform>%n år</numerusform>
        <numerusform>%n år</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <location filename="../desktop/ui/desk/wording.py" line="30" />
      <source>%n day(s)</source>
      <translation>
        <numerusform>%n dag</numerusform>
        <numerusform>%n dage</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>DeskUnlockWindow</name>
    <message>
      <location filename="../desktop/ui/desk/unlock_window.py" line="76" />
      <source>Underret – receiving desk</source>
      <extracomment>How a new desk's key is kept when IT's policy says (``key_protection``); None: the person chooses.</extracomment>
      <translation>Underret – modtagelse</translation>
    </message>
    <message>
      <location filename="../desktop/ui/desk/unlock_window.py" line="84" />
      <source>Desk</source>
      <translation>Modtagelse</translation>
    </message>
    <message>
      <location filename="../desktop/ui/desk/unlock_window.py" line="87" />
      <source>Name of this desk</source>
      <translation>Navn på denne modtagelse</translation>
    </message>
    <message>
      <location filename="../desktop/ui/desk/unlock_window.py" line="91" />
      <source>Passphrase</source>
      <translation>Adgangskode</translation>
    </message>
    <message>
      <location filename="../desktop/ui/desk/unlock_window.py" line="95" />
      <source>Passphrase again</source>
      <translation>Adgangskode igen</translation>
    </message>
    <message>
      <location filename="../desktop/ui/desk/unlock_window.py" line="96" />
      <source>&amp;Keep the key in this PC's saved passwords instead</source>
      <translation>&amp;Gem i stedet nøglen i pc'ens gemte adgangskoder</translation>
    </message>
    <message>
      <location filename="../desktop/ui/desk/unlock_window.py" line="126" />
      <source>Set up the receiving desk on this PC</source>
      <translation>Opret modtagelsen på denne pc</translation>
    </message>
    <message>
      <location filename="../desktop/ui/desk/unlock_window.py" line="127" />
      <source>&amp;Name of this desk</source>
      <translation>&amp;Navn på denne modtagelse</translation>
    </message>
    <message>
      <location filename="../desktop/ui/desk/unlock_window.py" line="128" />
      <location filename="../desktop/ui/desk/unlock_window.py" line="147" />
      <source>&amp;Passphrase</source>
      <translation>&amp;Adgangskode</translation>
    </message>
    <message>
      <location filename="../desktop/ui/desk/unlock_window.py" line="129" />
      <source>Passphrase &amp;again</source>
      <translation>Adgangskode &amp;igen</translation>
    </message>
    <message>
      <location filename="../desktop/ui/desk/unlock_window.py" line="137" />
      <source>Set by your municipality's IT</source>
      <translation>Fastsat af kommunens it-afdeling</translation>
    </message>
    <message>
      <location filename="../desktop/ui/desk/unlock_window.py" line="138" />
      <source>&amp;Create the desk</source>
      <translation>&amp;Opret modtagelsen</translation>
    </message>
    <message>
      <location filename="../desktop/ui/desk/unlock_window.py" line="139" />
      <source>Create the desk</source>
      <translation>Opret modtagelsen</translation>
    </message>
    <message>
      <location filename="../desktop/ui/desk/unlock_window.py" line="142" />
      <source>Unlock the receiving desk</source>
      <translation>Lås modtagelsen op</translation>
    </message>
    <message>
      <location filename="../desktop/ui/desk/unlock_window.py" line="146" />
      <source>&amp;Desk</source>
      <translation>&amp;Modtagelse</translation>
    </message>
    <message>
      <location filename="../desktop/ui/desk/unlock_window.py" line="149" />
      <source>&amp;Unlock</source>
      <translation>&amp;Lås op</translation>
    </message>
    <message>
      <location filename="../desktop/ui/desk/unlock_window.py" line="150" />
      <source>Unlock</source>
      <translation>Lås op</translation>
    </message>
    <message>
      <location filename="../desktop/ui/desk/unlock_window.py" line="180" />
      <source>Give the desk a name.</source>
      <translation>Giv modtagelsen et navn.</translation>
    </message>
    <message>
      <location filename="../desktop/ui/desk/unlock_window.py" line="187" />
      <source>The passphrase must be at least %1 characters.</source>
      <translation>Adgangskoden skal være mindst %1 tegn.</translation>
    </message>
    <message>
      <location filename="../desktop/ui/desk/unlock_window.py" line="192" />
      <source>The two passphrases are not the same.</source>
      <translation>De to adgangskoder er ikke ens.</translation>
    </message>
    <message>
      <location filename="../desktop/ui/desk/unlock_window.py" line="199" />
      <source>Opening…</source>
      <translation>Åbner …</translation>
    </message>
  </context>
  <context>
    <name>DeskWording</name>
    <message>
      <location filename="../desktop/ui/desk/wording.py" line="46" />
      <source>May need special support</source>
      <translation>Kan have brug for særlig støtte</translation>
    </message>
    <message>
      <location filename="../desktop/ui/desk/wording.py" line="47" />
      <source>Unborn child</source>
      <translation>Ufødt barn</translation>
    </message>
    <message>
      <location filename="../desktop/ui/desk/wording.py" line="48" />
      <source>Unlawful school absence</source>
      <translation>Ulovligt skolefravær</translation>
    </message>
    <message>
      <location filename="../desktop/ui/desk/wording.py" line="49" />
      <source>Abuse</source>
      <translation>Overgreb</translation>
    </message>
    <message>
      <location filename="../desktop/ui/desk/wording.py" line="57" />
      <source>Support (no. 1)</source>
      <translation>Støtte (nr. 1)</translation>
    </message>
    <message>
      <location filename="../desktop/ui/desk/wording.py" line="58" />
      <source>Unborn (no. 2)</source>
      <translation>Ufødt (nr. 2)</translation>
    </message>
    <message>
      <location filename="../desktop/ui/desk/wording.py" line="59" />
      <source>Absence (no. 3)</source>
      <translation>Fravær (nr. 3)</translation>
    </message>
    <message>
      <location filename="../desktop/ui/desk/wording.py" line="60" />
      <source>Abuse (no. 4)</source>
      <translation>Overgreb (nr. 4)</translation>
    </message>
    <message>
      <location filename="../desktop/ui/desk/wording.py" line="74" />
      <location filename="../desktop/ui/desk/wording.py" line="85" />
      <source>unborn</source>
      <translation>ufødt</translation>
    </message>
    <message>
      <location filename="../desktop/ui/desk/wording.py" line="79" />
      <source>age unknown</source>
      <translation>alder ukendt</translation>
    </message>
    <message>
      <location filename="../desktop/ui/desk/wording.py" line="124" />
      <source>Monday</source>
      <translation>mandag</translation>
    </message>
    <message>
      <location filename="../desktop/ui/desk/wording.py" line="124" />
      <source>Tuesday</source>
      <translation>tirsdag</translation>
    </message>
    <message>
      <location filename="../desktop/ui/desk/wording.py" line="125" />
      <source>Wednesday</source>
      <translation>onsdag</translation>
    </message>
    <message>
      <location filename="../desktop/ui/desk/wording.py" line="125" />
      <source>Thursday</source>
      <translation>torsdag</translation>
    </message>
    <message>
      <location filename="../desktop/ui/desk/wording.py" line="126" />
      <source>Friday</source>
      <translation>fredag</translation>
    </message>
    <message>
      <location filename="../desktop/ui/desk/wording.py" line="126" />
      <source>Saturday</source>
      <translation>lørdag</translation>
    </message>
    <message>
      <location filename="../desktop/ui/desk/wording.py" line="127" />
      <source>Sunday</source>
      <translation>søndag</translation>
    </message>
    <message>
      <location filename="../desktop/ui/desk/wording.py" line="128" />
      <source>by %1 %2</source>
      <translation>senest %1 %2</translation>
    </message>
    <message>
      <location filename="../desktop/ui/desk/wording.py" line="141" />
      <source>%1 h</source>
      <translation>%1 t</translation>
    </message>
    <message>
      <location filename="../desktop/ui/desk/wording.py" line="143" />
      <source>%1 h %2 min</source>
      <translation>%1 t %2 min</translation>
    </message>
    <message>
      <location filename="../desktop/ui/desk/wording.py" line="145" />
      <source>%1 min</source>
      <translation>%1 min</translation>
    </message>
    <message>
      <location filename="../desktop/ui/desk/wording.py" line="147" />
      <source>overdue by %1</source>
      <translation>overskredet med %1</translation>
    </message>
    <message>
      <location filename="../desktop/ui/desk/wording.py" line="148" />
      <source>in %1</source>
      <translation>om %1</translation>
    </message>
    <message>
      <location filename="../desktop/ui/desk/wording.py" line="166" />
      <source>Opened</source>
      <translation>Åbnet</translation>
    </message>
    <message>
      <location filename="../desktop/ui/desk/wording.py" line="167" />
      <source>Assessed</source>
      <translation>Vurderet</translation>
    </message>
    <message>
      <location filename="../desktop/ui/desk/wording.py" line="168" />
      <source>Receipt sent</source>
      <translation>Kvittering sendt</translation>
    </message>
    <message>
      <location filename="../desktop/ui/desk/wording.py" line="169" />
      <source>Told of the outcome</source>
      <translation>Orienteret om udfaldet</translation>
    </message>
    <message>
      <location filename="../desktop/ui/desk/wording.py" line="170" />
      <source>Handed over</source>
      <translation>Overdraget</translation>
    </message>
    <message>
      <location filename="../desktop/ui/desk/wording.py" line="177" />
      <source>Teacher</source>
      <translation>Lærer</translation>
    </message>
    <message>
      <location filename="../desktop/ui/desk/wording.py" line="178" />
      <source>Educator</source>
      <translation>Pædagog</translation>
    </message>
    <message>
      <location filename="../desktop/ui/desk/wording.py" line="179" />
      <source>Health staff</source>
      <translation>Sundhedspersonale</translation>
    </message>
    <message>
      <location filename="../desktop/ui/desk/wording.py" line="180" />
      <source>Social worker / PPR</source>
      <translation>Socialrådgiver / PPR</translation>
    </message>
    <message>
      <location filename="../desktop/ui/desk/wording.py" line="181" />
      <source>Leader</source>
      <translation>Leder</translation>
    </message>
    <message>
      <location filename="../desktop/ui/desk/wording.py" line="182" />
      <source>Other</source>
      <translation>Anden</translation>
    </message>
    <message>
      <location filename="../desktop/ui/desk/wording.py" line="191" />
      <source>Notification no. %1 about this child (no. %2 in 12 months)</source>
      <translation>%1. underretning om dette barn (den %2. på 12 måneder)</translation>
    </message>
    <message>
      <location filename="../desktop/ui/desk/wording.py" line="193" />
      <source>Notification no. %1 about this child in 12 months</source>
      <translation>%1. underretning om dette barn på 12 måneder</translation>
    </message>
    <message>
      <location filename="../desktop/ui/desk/wording.py" line="203" />
      <source>Not assessed</source>
      <translation>Ikke vurderet</translation>
    </message>
    <message>
      <location filename="../desktop/ui/desk/wording.py" line="209" />
      <source>The intake cannot be reached just now. Nothing was lost; try again in a moment.</source>
      <translation>Modtagesystemet kan ikke nås lige nu. Intet er gået tabt; prøv igen om lidt.</translation>
    </message>
    <message>
      <location filename="../desktop/ui/desk/wording.py" line="211" />
      <source>The intake does not accept this desk. Ask IT for a new enrolment token.</source>
      <translation>Modtagesystemet godkender ikke denne modtagelse. Bed it-afdelingen om en ny tilmeldingskode.</translation>
    </message>
    <message>
      <location filename="../desktop/ui/desk/wording.py" line="213" />
      <source>This desk is not set up yet: choose Set up desk.</source>
      <translation>Modtagelsen er ikke sat op endnu: vælg Opsæt modtagelse.</translation>
    </message>
    <message>
      <location filename="../desktop/ui/desk/wording.py" line="214" />
      <source>Enter your initials under Set up desk first.</source>
      <translation>Skriv først dine initialer under Opsæt modtagelse.</translation>
    </message>
    <message>
      <location filename="../desktop/ui/desk/wording.py" line="215" />
      <source>Initials are one to six letters.</source>
      <translation>Initialer er et til seks bogstaver.</translation>
    </message>
    <message>
      <location filename="../desktop/ui/desk/wording.py" line="216" />
      <source>Another caseworker did this first.</source>
      <translation>En anden sagsbehandler har allerede gjort det.</translation>
    </message>
    <message>
      <location filename="../desktop/ui/desk/wording.py" line="217" />
      <source>This notification was sent by an older version of Underret that cannot receive a receipt. Send the receipt by letter or secure mail.</source>
      <translation>Underretningen er sendt fra en ældre udgave af Underret, som ikke kan modtage en kvittering. Send kvitteringen med brev eller sikker mail.</translation>
    </message>
    <message>
      <location filename="../desktop/ui/desk/wording.py" line="220" />
      <source>The key that signs receipts has not been imported. Import it under Set up desk.</source>
      <translation>Nøglen, der underskriver kvitteringer, er ikke hentet ind. Hent den ind under Opsæt modtagelse.</translation>
    </message>
    <message>
      <location filename="../desktop/ui/desk/wording.py" line="222" />
      <source>Enter the unit's name under Set up desk first.</source>
      <translation>Skriv først enhedens navn under Opsæt modtagelse.</translation>
    </message>
    <message>
      <location filename="../desktop/ui/desk/wording.py" line="223" />
      <source>Send the receipt first; the outcome (§ 137) can be told after it.</source>
      <translation>Send kvitteringen først. Besked om, hvad underretningen har ført til (§ 137), kan sendes bagefter.</translation>
    </message>
    <message>
      <location filename="../desktop/ui/desk/wording.py" line="273" />
      <source>The intake's confirmation of delivery does not verify: ask IT to check the intake.</source>
      <translation>Modtagesystemets besked om modtagelse kan ikke kontrolleres: bed it-afdelingen om at tjekke modtagesystemet.</translation>
    </message>
    <message>
      <location filename="../desktop/ui/desk/wording.py" line="276" />
      <source>The intake's confirmation of delivery is for another envelope.</source>
      <translation>Modtagesystemets besked om modtagelse hører til en anden forsendelse.</translation>
    </message>
    <message>
      <location filename="../desktop/ui/desk/wording.py" line="278" />
      <source>The intake's confirmation of delivery is damaged.</source>
      <translation>Modtagesystemets besked om modtagelse er beskadiget.</translation>
    </message>
    <message>
      <location filename="../desktop/ui/desk/wording.py" line="225" />
      <source>This version of the desk cannot send messages to notifiers yet.</source>
      <translation>Denne udgave af modtagelsen kan endnu ikke sende beskeder til underrettere.</translation>
    </message>
    <message>
      <location filename="../desktop/ui/desk/wording.py" line="227" />
      <source>This file is not a key the desk can use.</source>
      <translation>Filen er ikke en nøgle, modtagelsen kan bruge.</translation>
    </message>
    <message>
      <location filename="../desktop/ui/desk/wording.py" line="228" />
      <source>This is a public key. The desk needs the private key file from IT.</source>
      <translation>Det er en offentlig nøgle. Modtagelsen skal bruge den private nøglefil fra it-afdelingen.</translation>
    </message>
    <message>
      <location filename="../desktop/ui/desk/wording.py" line="230" />
      <source>The desk already holds another key with this id.</source>
      <translation>Modtagelsen har allerede en anden nøgle med dette id.</translation>
    </message>
    <message>
      <location filename="../desktop/ui/desk/wording.py" line="231" />
      <source>Choose a new or empty folder.</source>
      <translation>Vælg en ny eller tom mappe.</translation>
    </message>
    <message>
      <location filename="../desktop/ui/desk/wording.py" line="232" />
      <source>Choose a folder.</source>
      <translation>Vælg en mappe.</translation>
    </message>
    <message>
      <location filename="../desktop/ui/desk/wording.py" line="233" />
      <source>Choose a folder of your own.</source>
      <translation>Vælg en mappe, der er din egen.</translation>
    </message>
    <message>
      <location filename="../desktop/ui/desk/wording.py" line="234" />
      <source>The folder cannot be written to.</source>
      <translation>Der kan ikke skrives i mappen.</translation>
    </message>
    <message>
      <location filename="../desktop/ui/desk/wording.py" line="235" />
      <source>The hand-over could not be written; what was written has been removed again.</source>
      <translation>Overdragelsen kunne ikke skrives; det, der blev skrevet, er fjernet igen.</translation>
    </message>
    <message>
      <location filename="../desktop/ui/desk/wording.py" line="237" />
      <location filename="../desktop/ui/desk/wording.py" line="239" />
      <source>This notification cannot be exported for the case system. Print it instead.</source>
      <translation>Underretningen kan ikke eksporteres til sagssystemet. Udskriv den i stedet.</translation>
    </message>
    <message>
      <location filename="../desktop/ui/desk/wording.py" line="241" />
      <source>This notification holds a file Underret never sends, so it is not handed over. Ask IT to look at it.</source>
      <translation>Underretningen indeholder en fil, som Underret aldrig sender, så den bliver ikke overdraget. Bed it-afdelingen om at se på den.</translation>
    </message>
    <message>
      <location filename="../desktop/ui/desk/wording.py" line="244" />
      <source>The files are not a desk certificate and its private key.</source>
      <translation>Filerne er ikke et certifikat til modtagelsen og dets private nøgle.</translation>
    </message>
    <message>
      <location filename="../desktop/ui/desk/wording.py" line="246" />
      <source>The intake address must start with https://.</source>
      <translation>Modtagesystemets adresse skal begynde med https://.</translation>
    </message>
    <message>
      <location filename="../desktop/ui/desk/wording.py" line="247" />
      <source>The intake's certificate could not be checked. If the municipality uses its own CA, give its CA certificate file from IT.</source>
      <translation>Modtagesystemets certifikat kunne ikke kontrolleres. Bruger kommunen sit eget CA, så udfyld CA-certifikat med kommunens CA-certifikatfil fra it-afdelingen.</translation>
    </message>
    <message>
      <location filename="../desktop/ui/desk/wording.py" line="250" />
      <source>No intake answers at this address. Check the address with IT.</source>
      <translation>Der svarer ikke noget modtagesystem på denne adresse. Tjek adressen med it-afdelingen.</translation>
    </message>
    <message>
      <location filename="../desktop/ui/desk/wording.py" line="253" />
      <source>Something went wrong (%1).</source>
      <translation>Noget gik galt (%1).</translation>
    </message>
    <message>
      <location filename="../desktop/ui/desk/wording.py" line="260" />
      <source>None of this desk's keys fits: import the municipality's newer key.</source>
      <translation>Ingen af modtagelsens nøgler passer: hent kommunens nyere nøgle ind.</translation>
    </message>
    <message>
      <location filename="../desktop/ui/desk/wording.py" line="262" />
      <source>The key with this id does not open it.</source>
      <translation>Nøglen med dette id kan ikke åbne den.</translation>
    </message>
    <message>
      <location filename="../desktop/ui/desk/wording.py" line="263" />
      <source>A key in this desk is damaged.</source>
      <translation>En af modtagelsens nøgler er beskadiget.</translation>
    </message>
    <message>
      <location filename="../desktop/ui/desk/wording.py" line="264" />
      <source>The sender's signature does not match: the envelope was changed on the way.</source>
      <translation>Afsenderens signatur passer ikke: underretningen er ændret undervejs.</translation>
    </message>
    <message>
      <location filename="../desktop/ui/desk/wording.py" line="266" />
      <location filename="../desktop/ui/desk/wording.py" line="267" />
      <source>The envelope is damaged.</source>
      <translation>Underretningen er beskadiget.</translation>
    </message>
    <message>
      <location filename="../desktop/ui/desk/wording.py" line="268" />
      <source>The envelope's files do not match its list.</source>
      <translation>Underretningens filer passer ikke med dens indholdsliste.</translation>
    </message>
    <message>
      <location filename="../desktop/ui/desk/wording.py" line="269" />
      <source>A file in the envelope was changed.</source>
      <translation>En fil i underretningen er ændret.</translation>
    </message>
    <message>
      <location filename="../desktop/ui/desk/wording.py" line="270" />
      <source>This is not an envelope Underret can read.</source>
      <translation>Det er ikke en underretning, Underret kan læse.</translation>
    </message>
    <message>
      <location filename="../desktop/ui/desk/wording.py" line="271" />
      <source>The envelope is from a newer version of Underret: update the desk.</source>
      <translation>Underretningen er fra en nyere udgave af Underret: opdatér modtagelsen.</translation>
    </message>
    <message>
      <location filename="../desktop/ui/desk/wording.py" line="279" />
      <source>The envelope holds another notification.</source>
      <translation>Forsendelsen indeholder en anden underretning.</translation>
    </message>
    <message>
      <location filename="../desktop/ui/desk/wording.py" line="280" />
      <source>The notification inside cannot be read.</source>
      <translation>Underretningen indeni kan ikke læses.</translation>
    </message>
    <message>
      <location filename="../desktop/ui/desk/wording.py" line="281" />
      <source>It holds a file Underret never sends (it may be a program): ask IT to look at it.</source>
      <translation>Den indeholder en fil, som Underret aldrig sender (det kan være et program). Bed it-afdelingen om at se på den.</translation>
    </message>
    <message>
      <location filename="../desktop/ui/desk/wording.py" line="285" />
      <source>It cannot be opened (%1).</source>
      <translation>Den kan ikke åbnes (%1).</translation>
    </message>
  </context>
  <context>
    <name>InboxModel</name>
    <message>
      <location filename="../desktop/ui/desk/inbox_model.py" line="76" />
      <source>Received</source>
      <extracomment>Role carrying the notification id of a row. Role carrying whether a row needs attention now (acute unassessed, or a deadline passed). Every role :meth:`InboxModel.data` answers.</extracomment>
      <translation>Modtaget</translation>
    </message>
    <message>
      <location filename="../desktop/ui/desk/inbox_model.py" line="76" />
      <source>Child</source>
      <translation>Barn</translation>
    </message>
    <message>
      <location filename="../desktop/ui/desk/inbox_model.py" line="77" />
      <source>Notifier</source>
      <translation>Underretter</translation>
    </message>
    <message>
      <location filename="../desktop/ui/desk/inbox_model.py" line="77" />
      <source>Grounds</source>
      <translation>Grundlag</translation>
    </message>
    <message>
      <location filename="../desktop/ui/desk/inbox_model.py" line="174" />
      <source>ACUTE – %1</source>
      <translation>AKUT – %1</translation>
    </message>
    <message>
      <location filename="../desktop/ui/desk/inbox_model.py" line="183" />
      <source>Done %1 (%2)</source>
      <translation>Gjort %1 (%2)</translation>
    </message>
    <message>
      <location filename="../desktop/ui/desk/inbox_model.py" line="188" />
      <source>Sent %1 (%2)</source>
      <translation>Sendt %1 (%2)</translation>
    </message>
    <message>
      <location filename="../desktop/ui/desk/inbox_model.py" line="78" />
      <source>Status</source>
      <translation>Status</translation>
    </message>
    <message>
      <location filename="../desktop/ui/desk/inbox_model.py" line="77" />
      <source>Assess by</source>
      <translation>Vurderes senest</translation>
    </message>
    <message>
      <location filename="../desktop/ui/desk/inbox_model.py" line="78" />
      <source>Receipt by</source>
      <translation>Kvittering senest</translation>
    </message>
    <message>
      <location filename="../desktop/ui/desk/inbox_model.py" line="195" />
      <source>Handed over</source>
      <translation>Overdraget</translation>
    </message>
    <message>
      <location filename="../desktop/ui/desk/inbox_model.py" line="197" />
      <source>Receipt sent</source>
      <translation>Kvittering sendt</translation>
    </message>
    <message>
      <location filename="../desktop/ui/desk/inbox_model.py" line="199" />
      <source>Assessed</source>
      <translation>Vurderet</translation>
    </message>
    <message>
      <location filename="../desktop/ui/desk/inbox_model.py" line="201" />
      <source>Opened by %1</source>
      <translation>Åbnet af %1</translation>
    </message>
    <message>
      <location filename="../desktop/ui/desk/inbox_model.py" line="202" />
      <source>New</source>
      <translation>Ny</translation>
    </message>
  </context>
  <context>
    <name>InboxWindow</name>
    <message>
      <location filename="../desktop/ui/desk/inbox_window.py" line="73" />
      <source>Received notifications, most urgent first</source>
      <translation>Modtagne underretninger, de mest presserende først</translation>
    </message>
    <message>
      <location filename="../desktop/ui/desk/inbox_window.py" line="108" />
      <source>Status</source>
      <translation>Status</translation>
    </message>
    <message>
      <location filename="../desktop/ui/desk/inbox_window.py" line="109" />
      <source>&amp;Fetch new</source>
      <translation>&amp;Hent nye</translation>
    </message>
    <message>
      <location filename="../desktop/ui/desk/inbox_window.py" line="110" />
      <source>Fetch new notifications</source>
      <translation>Hent nye underretninger</translation>
    </message>
    <message>
      <location filename="../desktop/ui/desk/inbox_window.py" line="112" />
      <source>&amp;Daily summary</source>
      <translation>&amp;Daglig oversigt</translation>
    </message>
    <message>
      <location filename="../desktop/ui/desk/inbox_window.py" line="113" />
      <source>Daily summary</source>
      <translation>Daglig oversigt</translation>
    </message>
    <message>
      <location filename="../desktop/ui/desk/inbox_window.py" line="115" />
      <source>Yearly &amp;report…</source>
      <translation>Års&amp;rapport …</translation>
    </message>
    <message>
      <location filename="../desktop/ui/desk/inbox_window.py" line="116" />
      <source>Yearly report</source>
      <translation>Årsrapport</translation>
    </message>
    <message>
      <location filename="../desktop/ui/desk/inbox_window.py" line="118" />
      <source>&amp;Set up desk…</source>
      <translation>&amp;Opsæt modtagelse …</translation>
    </message>
    <message>
      <location filename="../desktop/ui/desk/inbox_window.py" line="119" />
      <source>Set up desk</source>
      <translation>Opsæt modtagelse</translation>
    </message>
    <message>
      <location filename="../desktop/ui/desk/inbox_window.py" line="133" />
      <source>Fetch new</source>
      <translation>Hent nye</translation>
    </message>
    <message>
      <location filename="../desktop/ui/desk/inbox_window.py" line="137" />
      <source>Underret – receiving desk</source>
      <translation>Underret – modtagelse</translation>
    </message>
    <message numerus="yes">
      <location filename="../desktop/ui/desk/inbox_window.py" line="187" />
      <source>%n notification(s) not assessed within 24 hours.</source>
      <translation>
        <numerusform>%n underretning er ikke vurderet inden for 24 timer.</numerusform>
        <numerusform>%n underretninger er ikke vurderet inden for 24 timer.</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <location filename="../desktop/ui/desk/inbox_window.py" line="194" />
      <source>%n envelope(s) could not be opened. Import the missing key under Set up desk, or ask IT.</source>
      <translation>
        <numerusform>%n underretning kunne ikke åbnes. Hent den manglende nøgle ind under Opsæt modtagelse, eller spørg it-afdelingen.</numerusform>
        <numerusform>%n underretninger kunne ikke åbnes. Hent den manglende nøgle ind under Opsæt modtagelse, eller spørg it-afdelingen.</numerusform>
      </translation>
    </message>
    <message>
      <location filename="../desktop/ui/desk/inbox_window.py" line="264" />
      <source>Fetching…</source>
      <translation>Henter …</translation>
    </message>
    <message numerus="yes">
      <location filename="../desktop/ui/desk/inbox_window.py" line="272" />
      <source>Fetched at %1: %n new</source>
      <translation>
        <numerusform>Hentet kl. %1: %n ny</numerusform>
        <numerusform>Hentet kl. %1: %n nye</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>NotificationWindow</name>
    <message>
      <location filename="../desktop/ui/desk/notification_window.py" line="125" />
      <source>Earlier notifications</source>
      <extracomment>Lines of earlier notifications shown before the list scrolls.</extracomment>
      <translation>Tidligere underretninger</translation>
    </message>
    <message>
      <location filename="../desktop/ui/desk/notification_window.py" line="139" />
      <source>Message</source>
      <translation>Besked</translation>
    </message>
    <message>
      <location filename="../desktop/ui/desk/notification_window.py" line="140" />
      <source>&amp;Assess (24 hours)…</source>
      <translation>&amp;Vurdér (24 timer) …</translation>
    </message>
    <message>
      <location filename="../desktop/ui/desk/notification_window.py" line="142" />
      <source>Tell the &amp;outcome (§ 137)…</source>
      <translation>&amp;Orientér om udfaldet (§ 137) …</translation>
    </message>
    <message>
      <location filename="../desktop/ui/desk/notification_window.py" line="143" />
      <source>&amp;Hand over to the case system…</source>
      <translation>Over&amp;dra til sagssystemet …</translation>
    </message>
    <message>
      <location filename="../desktop/ui/desk/notification_window.py" line="144" />
      <source>&amp;Close</source>
      <translation>&amp;Luk</translation>
    </message>
    <message>
      <location filename="../desktop/ui/desk/notification_window.py" line="145" />
      <source>Record the 24-hour assessment</source>
      <translation>Registrér vurderingen inden for 24 timer</translation>
    </message>
    <message>
      <location filename="../desktop/ui/desk/notification_window.py" line="141" />
      <source>Send &amp;receipt</source>
      <translation>Send &amp;kvittering</translation>
    </message>
    <message>
      <location filename="../desktop/ui/desk/notification_window.py" line="146" />
      <source>Send the receipt to the notifier</source>
      <translation>Send kvittering til underretteren</translation>
    </message>
    <message>
      <location filename="../desktop/ui/desk/notification_window.py" line="147" />
      <source>Tell the notifier the outcome</source>
      <translation>Orientér underretteren om udfaldet</translation>
    </message>
    <message>
      <location filename="../desktop/ui/desk/notification_window.py" line="148" />
      <source>Hand over to the case system</source>
      <translation>Overdrag til sagssystemet</translation>
    </message>
    <message>
      <location filename="../desktop/ui/desk/notification_window.py" line="161" />
      <source>The notification</source>
      <translation>Underretningen</translation>
    </message>
    <message>
      <location filename="../desktop/ui/desk/notification_window.py" line="174" />
      <source>Notification</source>
      <translation>Underretning</translation>
    </message>
    <message>
      <location filename="../desktop/ui/desk/notification_window.py" line="196" />
      <source>Siblings have been notified about before</source>
      <translation>Der er underrettet om søskende før</translation>
    </message>
    <message>
      <location filename="../desktop/ui/desk/notification_window.py" line="199" />
      <source>About siblings:</source>
      <translation>Om søskende:</translation>
    </message>
    <message>
      <location filename="../desktop/ui/desk/notification_window.py" line="209" />
      <source>no CPR number</source>
      <translation>intet CPR-nummer</translation>
    </message>
    <message>
      <location filename="../desktop/ui/desk/notification_window.py" line="212" />
      <source>ACUTE</source>
      <translation>AKUT</translation>
    </message>
    <message>
      <location filename="../desktop/ui/desk/notification_window.py" line="213" />
      <source>Received %1 (reference %2)</source>
      <translation>Modtaget %1 (referencenummer %2)</translation>
    </message>
    <message>
      <location filename="../desktop/ui/desk/notification_window.py" line="215" />
      <source>Notifier: %1, %2, %3</source>
      <translation>Underretter: %1, %2, %3</translation>
    </message>
    <message>
      <location filename="../desktop/ui/desk/notification_window.py" line="217" />
      <source>Grounds: %1</source>
      <translation>Grundlag: %1</translation>
    </message>
    <message>
      <location filename="../desktop/ui/desk/notification_window.py" line="218" />
      <source>Assessment within 24 hours</source>
      <translation>Vurdering inden for 24 timer</translation>
    </message>
    <message>
      <location filename="../desktop/ui/desk/notification_window.py" line="220" />
      <source>Receipt within six working days</source>
      <translation>Kvittering inden for seks hverdage</translation>
    </message>
    <message>
      <location filename="../desktop/ui/desk/notification_window.py" line="294" />
      <source>The receipt is sent to the notifier.</source>
      <translation>Kvitteringen er sendt til underretteren.</translation>
    </message>
    <message>
      <location filename="../desktop/ui/desk/notification_window.py" line="228" />
      <source>Your assessment note: %1</source>
      <translation>Din note om vurderingen: %1</translation>
    </message>
    <message>
      <location filename="../desktop/ui/desk/notification_window.py" line="245" />
      <source>done (%1)</source>
      <translation>gjort (%1)</translation>
    </message>
    <message>
      <location filename="../desktop/ui/desk/notification_window.py" line="253" />
      <source>(later)</source>
      <translation>(senere)</translation>
    </message>
    <message>
      <location filename="../desktop/ui/desk/notification_window.py" line="262" />
      <source>Working…</source>
      <translation>Arbejder …</translation>
    </message>
    <message>
      <location filename="../desktop/ui/desk/notification_window.py" line="286" />
      <source>The assessment is recorded.</source>
      <translation>Vurderingen er registreret.</translation>
    </message>
    <message>
      <location filename="../desktop/ui/desk/notification_window.py" line="305" />
      <source>The notifier will be told the outcome.</source>
      <translation>Underretteren får besked om udfaldet.</translation>
    </message>
    <message>
      <location filename="../desktop/ui/desk/notification_window.py" line="312" />
      <source>Choose a new or empty folder for the case system</source>
      <translation>Vælg en ny eller tom mappe til sagssystemet</translation>
    </message>
    <message>
      <location filename="../desktop/ui/desk/notification_window.py" line="317" />
      <source>Handed over: the files are in %1.</source>
      <translation>Overdraget: filerne ligger i %1.</translation>
    </message>
  </context>
  <context>
    <name>OrientationDialog</name>
    <message>
      <location filename="../desktop/ui/desk/dialogs.py" line="92" />
      <source>Tell the notifier the outcome (§ 137)</source>
      <translation>Orientér underretteren om udfaldet (§ 137)</translation>
    </message>
    <message>
      <location filename="../desktop/ui/desk/dialogs.py" line="93" />
      <source>A professional notifier must be told whether the notification led to an investigation or support. Do not send this if it would harm the child.</source>
      <translation>En fagperson, der har underrettet, skal have at vide, om underretningen har ført til en undersøgelse eller støtte. Send det ikke, hvis det kan skade barnet.</translation>
    </message>
    <message>
      <location filename="../desktop/ui/desk/dialogs.py" line="97" />
      <source>An &amp;investigation of the child's situation has been started</source>
      <translation>Der er sat en &amp;undersøgelse af barnets forhold i gang</translation>
    </message>
    <message>
      <location filename="../desktop/ui/desk/dialogs.py" line="98" />
      <source>The child or family is given &amp;support</source>
      <translation>Barnet eller familien får &amp;støtte</translation>
    </message>
    <message>
      <location filename="../desktop/ui/desk/dialogs.py" line="99" />
      <source>The notification has led to &amp;no measures</source>
      <translation>Underretningen har &amp;ikke ført til foranstaltninger</translation>
    </message>
    <message>
      <location filename="../desktop/ui/desk/dialogs.py" line="105" />
      <source>What has the notification led to?</source>
      <translation>Hvad har underretningen ført til?</translation>
    </message>
    <message>
      <location filename="../desktop/ui/desk/dialogs.py" line="120" />
      <source>&amp;Send to the notifier</source>
      <translation>&amp;Send til underretteren</translation>
    </message>
    <message>
      <location filename="../desktop/ui/desk/dialogs.py" line="121" />
      <source>Send to the notifier</source>
      <translation>Send til underretteren</translation>
    </message>
    <message>
      <location filename="../desktop/ui/desk/dialogs.py" line="123" />
      <source>Cancel</source>
      <translation>Annuller</translation>
    </message>
  </context>
  <context>
    <name>ReportDialog</name>
    <message>
      <location filename="../desktop/ui/desk/report_dialog.py" line="42" />
      <source>Yearly report for the council</source>
      <translation>Årsrapport til kommunalbestyrelsen</translation>
    </message>
    <message>
      <location filename="../desktop/ui/desk/report_dialog.py" line="43" />
      <source>Figures on how notifications were handled, for the municipal council's yearly follow-up. The report holds no personal data; counts under 5 are shown as &lt;5.</source>
      <translation>Tal for, hvordan underretninger er blevet behandlet, til kommunalbestyrelsens årlige opfølgning. Rapporten indeholder ingen personoplysninger; tal under 5 vises som &lt;5.</translation>
    </message>
    <message>
      <location filename="../desktop/ui/desk/report_dialog.py" line="51" />
      <source>First day of the period</source>
      <translation>Periodens første dag</translation>
    </message>
    <message>
      <location filename="../desktop/ui/desk/report_dialog.py" line="55" />
      <source>Last day of the period</source>
      <translation>Periodens sidste dag</translation>
    </message>
    <message>
      <location filename="../desktop/ui/desk/report_dialog.py" line="58" />
      <source>Danish</source>
      <translation>Dansk</translation>
    </message>
    <message>
      <location filename="../desktop/ui/desk/report_dialog.py" line="59" />
      <source>English</source>
      <translation>Engelsk</translation>
    </message>
    <message>
      <location filename="../desktop/ui/desk/report_dialog.py" line="60" />
      <source>Language of the report</source>
      <translation>Rapportens sprog</translation>
    </message>
    <message>
      <location filename="../desktop/ui/desk/report_dialog.py" line="62" />
      <source>&amp;From</source>
      <translation>&amp;Fra</translation>
    </message>
    <message>
      <location filename="../desktop/ui/desk/report_dialog.py" line="63" />
      <source>&amp;To</source>
      <translation>&amp;Til</translation>
    </message>
    <message>
      <location filename="../desktop/ui/desk/report_dialog.py" line="64" />
      <source>&amp;Language</source>
      <translation>&amp;Sprog</translation>
    </message>
    <message>
      <location filename="../desktop/ui/desk/report_dialog.py" line="65" />
      <source>Save as &amp;PDF…</source>
      <translation>Gem som &amp;PDF …</translation>
    </message>
    <message>
      <location filename="../desktop/ui/desk/report_dialog.py" line="66" />
      <source>Save as PDF</source>
      <translation>Gem som PDF</translation>
    </message>
    <message>
      <location filename="../desktop/ui/desk/report_dialog.py" line="68" />
      <source>Save as &amp;CSV…</source>
      <translation>Gem som &amp;CSV …</translation>
    </message>
    <message>
      <location filename="../desktop/ui/desk/report_dialog.py" line="69" />
      <source>Save as CSV</source>
      <translation>Gem som CSV</translation>
    </message>
    <message>
      <location filename="../desktop/ui/desk/report_dialog.py" line="71" />
      <location filename="../desktop/ui/desk/report_dialog.py" line="72" />
      <source>Close</source>
      <translation>Luk</translation>
    </message>
    <message>
      <location filename="../desktop/ui/desk/report_dialog.py" line="95" />
      <source>The period ends before it starts.</source>
      <translation>Perioden slutter, før den begynder.</translation>
    </message>
    <message>
      <location filename="../desktop/ui/desk/report_dialog.py" line="98" />
      <source>Save the report</source>
      <translation>Gem rapporten</translation>
    </message>
    <message>
      <location filename="../desktop/ui/desk/report_dialog.py" line="102" />
      <source>The municipality</source>
      <translation>Kommunen</translation>
    </message>
    <message>
      <location filename="../desktop/ui/desk/report_dialog.py" line="117" />
      <source>Making the report…</source>
      <translation>Laver rapporten …</translation>
    </message>
    <message>
      <location filename="../desktop/ui/desk/report_dialog.py" line="119" />
      <source>The file could not be written.</source>
      <translation>Filen kunne ikke skrives.</translation>
    </message>
    <message>
      <location filename="../desktop/ui/desk/report_dialog.py" line="122" />
      <source>Saved: %1</source>
      <translation>Gemt: %1</translation>
    </message>
  </context>
  <context>
    <name>SetupDialog</name>
    <message>
      <location filename="../desktop/ui/desk/setup_dialog.py" line="47" />
      <source>Set up desk</source>
      <translation>Opsæt modtagelse</translation>
    </message>
    <message>
      <location filename="../desktop/ui/desk/setup_dialog.py" line="51" />
      <source>Your initials</source>
      <translation>Dine initialer</translation>
    </message>
    <message>
      <location filename="../desktop/ui/desk/setup_dialog.py" line="55" />
      <source>The unit's name, shown to notifiers</source>
      <translation>Enhedens navn, som underrettere ser</translation>
    </message>
    <message>
      <location filename="../desktop/ui/desk/setup_dialog.py" line="56" />
      <source>Sa&amp;ve</source>
      <translation>&amp;Gem</translation>
    </message>
    <message>
      <location filename="../desktop/ui/desk/setup_dialog.py" line="57" />
      <source>Save initials and unit</source>
      <translation>Gem initialer og enhed</translation>
    </message>
    <message>
      <location filename="../desktop/ui/desk/setup_dialog.py" line="59" />
      <source>Who works here</source>
      <translation>Hvem arbejder her</translation>
    </message>
    <message>
      <location filename="../desktop/ui/desk/setup_dialog.py" line="61" />
      <source>&amp;Initials</source>
      <translation>&amp;Initialer</translation>
    </message>
    <message>
      <location filename="../desktop/ui/desk/setup_dialog.py" line="62" />
      <source>&amp;Unit</source>
      <translation>&amp;Enhed</translation>
    </message>
    <message>
      <location filename="../desktop/ui/desk/setup_dialog.py" line="67" />
      <source>The intake's address</source>
      <translation>Modtagesystemets adresse</translation>
    </message>
    <message>
      <location filename="../desktop/ui/desk/setup_dialog.py" line="70" />
      <source>The municipality's CA certificate file (optional)</source>
      <translation>Kommunens CA-certifikatfil (kan udelades)</translation>
    </message>
    <message>
      <location filename="../desktop/ui/desk/setup_dialog.py" line="74" />
      <source>The enrolment token from IT</source>
      <translation>Tilmeldingskoden fra it-afdelingen</translation>
    </message>
    <message>
      <location filename="../desktop/ui/desk/setup_dialog.py" line="77" />
      <source>This desk's certificate file (instead of a token)</source>
      <translation>Modtagelsens certifikatfil (i stedet for en tilmeldingskode)</translation>
    </message>
    <message>
      <location filename="../desktop/ui/desk/setup_dialog.py" line="80" />
      <source>The certificate's private key file</source>
      <translation>Certifikatets private nøglefil</translation>
    </message>
    <message>
      <location filename="../desktop/ui/desk/setup_dialog.py" line="81" />
      <source>&amp;Enrol with the intake</source>
      <translation>&amp;Tilmeld hos modtagesystemet</translation>
    </message>
    <message>
      <location filename="../desktop/ui/desk/setup_dialog.py" line="82" />
      <source>Enrol with the intake</source>
      <translation>Tilmeld hos modtagesystemet</translation>
    </message>
    <message>
      <location filename="../desktop/ui/desk/setup_dialog.py" line="84" />
      <source>The intake</source>
      <translation>Modtagesystemet</translation>
    </message>
    <message>
      <location filename="../desktop/ui/desk/setup_dialog.py" line="86" />
      <source>A&amp;ddress</source>
      <translation>A&amp;dresse</translation>
    </message>
    <message>
      <location filename="../desktop/ui/desk/setup_dialog.py" line="87" />
      <source>&amp;CA certificate (PEM file)</source>
      <translation>&amp;CA-certifikat (PEM-fil)</translation>
    </message>
    <message>
      <location filename="../desktop/ui/desk/setup_dialog.py" line="88" />
      <source>&amp;Token from IT</source>
      <translation>Tilmeldings&amp;kode fra it-afdelingen</translation>
    </message>
    <message>
      <location filename="../desktop/ui/desk/setup_dialog.py" line="89" />
      <source>or desk ce&amp;rtificate (PEM file)</source>
      <translation>eller modtagelsens ce&amp;rtifikat (PEM-fil)</translation>
    </message>
    <message>
      <location filename="../desktop/ui/desk/setup_dialog.py" line="90" />
      <source>and its &amp;key (PEM file)</source>
      <translation>og dets nøg&amp;le (PEM-fil)</translation>
    </message>
    <message>
      <location filename="../desktop/ui/desk/setup_dialog.py" line="92" />
      <source>Import a &amp;key file…</source>
      <translation>Hent en &amp;nøglefil ind …</translation>
    </message>
    <message>
      <location filename="../desktop/ui/desk/setup_dialog.py" line="93" />
      <source>Import a key file</source>
      <translation>Hent en nøglefil ind</translation>
    </message>
    <message>
      <location filename="../desktop/ui/desk/setup_dialog.py" line="98" />
      <source>The municipality's keys</source>
      <translation>Kommunens nøgler</translation>
    </message>
    <message>
      <location filename="../desktop/ui/desk/setup_dialog.py" line="105" />
      <location filename="../desktop/ui/desk/setup_dialog.py" line="106" />
      <source>Close</source>
      <translation>Luk</translation>
    </message>
    <message>
      <location filename="../desktop/ui/desk/setup_dialog.py" line="121" />
      <source>none yet</source>
      <translation>ingen endnu</translation>
    </message>
    <message>
      <location filename="../desktop/ui/desk/setup_dialog.py" line="122" />
      <source>Recipient keys: %1</source>
      <translation>Modtagernøgler: %1</translation>
    </message>
    <message>
      <location filename="../desktop/ui/desk/setup_dialog.py" line="123" />
      <source>Message-signing key: %1</source>
      <translation>Nøgle til underskrift af beskeder: %1</translation>
    </message>
    <message>
      <location filename="../desktop/ui/desk/setup_dialog.py" line="125" />
      <source>Enrolled with %1</source>
      <translation>Tilmeldt hos %1</translation>
    </message>
    <message>
      <location filename="../desktop/ui/desk/setup_dialog.py" line="135" />
      <source>Saved.</source>
      <translation>Gemt.</translation>
    </message>
    <message>
      <location filename="../desktop/ui/desk/setup_dialog.py" line="143" />
      <source>The CA certificate file cannot be read.</source>
      <translation>CA-certifikatfilen kan ikke læses.</translation>
    </message>
    <message>
      <location filename="../desktop/ui/desk/setup_dialog.py" line="157" />
      <source>The certificate or its key cannot be read.</source>
      <translation>Certifikatet eller dets nøgle kan ikke læses.</translation>
    </message>
    <message>
      <location filename="../desktop/ui/desk/setup_dialog.py" line="163" />
      <source>Give the token from IT, or this desk's certificate and its key.</source>
      <translation>Angiv tilmeldingskoden fra it-afdelingen, eller modtagelsens certifikat og dets nøgle.</translation>
    </message>
    <message>
      <location filename="../desktop/ui/desk/setup_dialog.py" line="166" />
      <source>Enrolling…</source>
      <translation>Tilmelder …</translation>
    </message>
    <message>
      <location filename="../desktop/ui/desk/setup_dialog.py" line="171" />
      <source>This desk is enrolled. Fetch new notifications with F5.</source>
      <translation>Modtagelsen er tilmeldt. Hent nye underretninger med F5.</translation>
    </message>
    <message>
      <location filename="../desktop/ui/desk/setup_dialog.py" line="182" />
      <source>Choose a key file from IT</source>
      <translation>Vælg en nøglefil fra it-afdelingen</translation>
    </message>
    <message>
      <location filename="../desktop/ui/desk/setup_dialog.py" line="189" />
      <source>recipient key</source>
      <translation>modtagernøglen</translation>
    </message>
    <message>
      <location filename="../desktop/ui/desk/setup_dialog.py" line="189" />
      <source>message-signing key</source>
      <translation>nøglen til underskrift af beskeder</translation>
    </message>
    <message>
      <location filename="../desktop/ui/desk/setup_dialog.py" line="190" />
      <source>Imported %1 %2.</source>
      <translation>%1 %2 er hentet ind.</translation>
    </message>
    <message>
      <location filename="../desktop/ui/desk/setup_dialog.py" line="190" />
      <source>The %1 %2 was already imported.</source>
      <translation>%1 %2 var allerede hentet ind.</translation>
    </message>
    <message>
      <location filename="../desktop/ui/desk/setup_dialog.py" line="192" />
      <source>You may now remove the key file, as IT directs.</source>
      <translation>Du kan nu fjerne nøglefilen, sådan som it-afdelingen anviser.</translation>
    </message>
  </context>
</TS>
