<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="da" sourcelanguage="en">
  <context>
    <name>Demo</name>
    <message>
      <location filename="../desktop/ui/demo/controller.py" line="197" />
      <source>&amp;Training cases…</source>
      <extracomment>How long to gather changes before asking the outbox to try (draft saves come in bursts). "Reset the demo?" while it is asked. Puts the banner on every window shown while the demo runs (dialogs of any part of the app).</extracomment>
      <translation>&amp;Øvelsescases …</translation>
    </message>
    <message>
      <location filename="../desktop/ui/demo/controller.py" line="198" />
      <source>&amp;Municipality view</source>
      <translation>&amp;Kommunens side</translation>
    </message>
    <message>
      <location filename="../desktop/ui/demo/controller.py" line="199" />
      <source>&amp;Reset the demo</source>
      <translation>&amp;Nulstil demoen</translation>
    </message>
    <message>
      <location filename="../desktop/ui/demo/controller.py" line="347" />
      <source>Reset the demo?</source>
      <translation>Vil du nulstille demoen?</translation>
    </message>
    <message>
      <location filename="../desktop/ui/demo/controller.py" line="348" />
      <source>Everything written in the demo is removed: drafts, notifications and what the municipality received. The training cases stay.</source>
      <translation>Alt, der er skrevet i demoen, bliver slettet: kladder, underretninger og det, kommunen har modtaget. Øvelsescasene bliver.</translation>
    </message>
    <message>
      <location filename="../desktop/ui/demo/controller.py" line="354" />
      <source>&amp;Reset</source>
      <translation>&amp;Nulstil</translation>
    </message>
    <message>
      <location filename="../desktop/ui/demo/controller.py" line="356" />
      <source>&amp;Keep it</source>
      <translation>&amp;Behold den</translation>
    </message>
    <message>
      <location filename="../desktop/ui/demo/story_panel.py" line="48" />
      <source>The case</source>
      <translation>Casen</translation>
    </message>
    <message>
      <location filename="../desktop/ui/demo/story_panel.py" line="49" />
      <source>The case story</source>
      <translation>Historien i casen</translation>
    </message>
    <message>
      <location filename="../desktop/ui/demo/story_panel.py" line="52" />
      <source>Your role: %1, %2.</source>
      <translation>Din rolle: %1, %2.</translation>
    </message>
  </context>
  <context>
    <name>DemoBanner</name>
    <message>
      <location filename="../desktop/ui/demo/banner.py" line="47" />
      <source>DEMO – fictitious data only. Nothing is sent to a real municipality.</source>
      <translation>DEMO – kun opdigtede oplysninger. Intet sendes til en rigtig kommune.</translation>
    </message>
    <message>
      <location filename="../desktop/ui/demo/banner.py" line="48" />
      <source>Demo mode</source>
      <translation>Demotilstand</translation>
    </message>
  </context>
  <context>
    <name>DemoMessages</name>
    <message>
      <location filename="../desktop/ui/demo/controller.py" line="42" />
      <source>Demo mode is switched off on this PC by your organisation's settings.</source>
      <translation>Demotilstanden er slået fra på denne pc i jeres organisations indstillinger.</translation>
    </message>
    <message>
      <location filename="../desktop/ui/demo/controller.py" line="44" />
      <source>Demo mode only sends to its own built-in test receiver on this PC. Nothing was sent.</source>
      <translation>Demotilstanden sender kun til sin egen indbyggede testmodtager på denne pc. Der blev ikke sendt noget.</translation>
    </message>
    <message>
      <location filename="../desktop/ui/demo/controller.py" line="46" />
      <source>Demo mode could not start. Please try again, or restart the PC.</source>
      <translation>Demotilstanden kunne ikke starte. Prøv igen, eller genstart pc'en.</translation>
    </message>
    <message>
      <location filename="../desktop/ui/demo/controller.py" line="48" />
      <source>A training case file is damaged and cannot be used.</source>
      <translation>En fil med en øvelsescase er beskadiget og kan ikke bruges.</translation>
    </message>
  </context>
  <context>
    <name>FeedbackWindow</name>
    <message>
      <location filename="../desktop/ui/demo/feedback.py" line="80" />
      <source>How did it go?</source>
      <translation>Hvordan gik det?</translation>
    </message>
    <message>
      <location filename="../desktop/ui/demo/feedback.py" line="90" />
      <source>To talk about</source>
      <translation>Til snak bagefter</translation>
    </message>
    <message>
      <location filename="../desktop/ui/demo/feedback.py" line="93" />
      <source>None – well done.</source>
      <translation>Ingen – godt gået.</translation>
    </message>
    <message>
      <location filename="../desktop/ui/demo/feedback.py" line="94" />
      <source>None.</source>
      <translation>Ingen.</translation>
    </message>
    <message>
      <location filename="../desktop/ui/demo/feedback.py" line="83" />
      <source>You found %1 of %2 signs in “%3”.</source>
      <translation>Du fandt %1 af %2 tegn i »%3«.</translation>
    </message>
    <message>
      <location filename="../desktop/ui/demo/feedback.py" line="86" />
      <source>Signs you marked</source>
      <translation>Tegn, du markerede</translation>
    </message>
    <message>
      <location filename="../desktop/ui/demo/feedback.py" line="87" />
      <source>Signs you missed</source>
      <translation>Tegn, du ikke fik med</translation>
    </message>
    <message>
      <location filename="../desktop/ui/demo/feedback.py" line="88" />
      <source>Other signs you marked</source>
      <translation>Andre tegn, du markerede</translation>
    </message>
    <message>
      <location filename="../desktop/ui/demo/feedback.py" line="89" />
      <source>Other signs are not wrong: talk about why you saw them.</source>
      <translation>Andre tegn er ikke forkerte: tal om, hvorfor du så dem.</translation>
    </message>
    <message>
      <location filename="../desktop/ui/demo/feedback.py" line="92" />
      <source>None of the expected signs.</source>
      <translation>Ingen af de forventede tegn.</translation>
    </message>
    <message>
      <location filename="../desktop/ui/demo/feedback.py" line="102" />
      <source>Feedback on the signs</source>
      <translation>Tilbagemelding om tegnene</translation>
    </message>
    <message>
      <location filename="../desktop/ui/demo/feedback.py" line="105" />
      <source>&amp;What the municipality received</source>
      <translation>&amp;Det modtog kommunen</translation>
    </message>
    <message>
      <location filename="../desktop/ui/demo/feedback.py" line="106" />
      <source>What the municipality received</source>
      <translation>Det modtog kommunen</translation>
    </message>
    <message>
      <location filename="../desktop/ui/demo/feedback.py" line="107" />
      <source>&amp;Close</source>
      <translation>&amp;Luk</translation>
    </message>
    <message>
      <location filename="../desktop/ui/demo/feedback.py" line="108" />
      <source>Close</source>
      <translation>Luk</translation>
    </message>
    <message>
      <location filename="../desktop/ui/demo/feedback.py" line="118" />
      <source>Delivered to Demo Kommune: reference %1, received %2.</source>
      <translation>Afleveret til Demo Kommune: referencenummer %1, modtaget %2.</translation>
    </message>
    <message>
      <location filename="../desktop/ui/demo/feedback.py" line="121" />
      <source>The demo delivery did not go through: %1</source>
      <translation>Demoafsendelsen gik ikke igennem: %1</translation>
    </message>
    <message>
      <location filename="../desktop/ui/demo/feedback.py" line="123" />
      <source>Sending to Demo Kommune…</source>
      <translation>Sender til Demo Kommune …</translation>
    </message>
  </context>
  <context>
    <name>MunicipalityView</name>
    <message>
      <location filename="../desktop/ui/demo/municipality_view.py" line="88" />
      <source>Municipality view – Demo Kommune</source>
      <translation>Kommunens side – Demo Kommune</translation>
    </message>
    <message>
      <location filename="../desktop/ui/demo/municipality_view.py" line="89" />
      <source>This is what Demo Kommune's children's services received, opened with the municipality's key. In real life only the municipality can read it.</source>
      <translation>Her ser du, hvad børne- og familieafdelingen i Demo Kommune modtog, åbnet med kommunens nøgle. I virkeligheden er det kun kommunen, der kan læse det.</translation>
    </message>
    <message>
      <location filename="../desktop/ui/demo/municipality_view.py" line="91" />
      <source>&amp;Received notifications</source>
      <translation>&amp;Modtagne underretninger</translation>
    </message>
    <message>
      <location filename="../desktop/ui/demo/municipality_view.py" line="92" />
      <source>Received notifications</source>
      <translation>Modtagne underretninger</translation>
    </message>
    <message>
      <location filename="../desktop/ui/demo/municipality_view.py" line="93" />
      <source>The notification as the municipality reads it</source>
      <translation>Underretningen, som kommunen læser den</translation>
    </message>
    <message>
      <location filename="../desktop/ui/demo/municipality_view.py" line="94" />
      <source>Confirmation of delivery</source>
      <translation>Besked om modtagelse</translation>
    </message>
    <message>
      <location filename="../desktop/ui/demo/municipality_view.py" line="95" />
      <source>&amp;Refresh</source>
      <translation>&amp;Opdater</translation>
    </message>
    <message>
      <location filename="../desktop/ui/demo/municipality_view.py" line="96" />
      <source>Refresh</source>
      <translation>Opdater</translation>
    </message>
    <message>
      <location filename="../desktop/ui/demo/municipality_view.py" line="97" />
      <source>&amp;Close</source>
      <translation>&amp;Luk</translation>
    </message>
    <message>
      <location filename="../desktop/ui/demo/municipality_view.py" line="98" />
      <source>Close</source>
      <translation>Luk</translation>
    </message>
    <message>
      <location filename="../desktop/ui/demo/municipality_view.py" line="119" />
      <source>Nothing has arrived yet. File a notification in the demo, and it appears here once it has been delivered.</source>
      <translation>Der er ikke kommet noget endnu. Send en underretning i demoen, så vises den her, når den er afleveret.</translation>
    </message>
    <message>
      <location filename="../desktop/ui/demo/municipality_view.py" line="143" />
      <source>valid</source>
      <translation>gyldig</translation>
    </message>
    <message>
      <location filename="../desktop/ui/demo/municipality_view.py" line="143" />
      <source>NOT valid</source>
      <translation>IKKE gyldig</translation>
    </message>
    <message>
      <location filename="../desktop/ui/demo/municipality_view.py" line="145" />
      <source>Reference</source>
      <translation>Referencenummer</translation>
    </message>
    <message>
      <location filename="../desktop/ui/demo/municipality_view.py" line="146" />
      <source>Received at</source>
      <translation>Modtaget</translation>
    </message>
    <message>
      <location filename="../desktop/ui/demo/municipality_view.py" line="147" />
      <source>Sender's key</source>
      <translation>Afsenderens nøgle</translation>
    </message>
    <message>
      <location filename="../desktop/ui/demo/municipality_view.py" line="148" />
      <source>Sender's signature</source>
      <translation>Afsenderens signatur</translation>
    </message>
    <message>
      <location filename="../desktop/ui/demo/municipality_view.py" line="150" />
      <source>Confirmation of delivery sent to the notifier</source>
      <translation>Besked om modtagelse sendt til underretteren</translation>
    </message>
    <message>
      <location filename="../desktop/ui/demo/municipality_view.py" line="164" />
      <source>This envelope could not be opened with the demo key:</source>
      <translation>Denne forsendelse kunne ikke åbnes med demonøglen:</translation>
    </message>
  </context>
  <context>
    <name>ScenarioPicker</name>
    <message>
      <location filename="../desktop/ui/demo/picker.py" line="75" />
      <source>unborn child</source>
      <translation>ufødt barn</translation>
    </message>
    <message>
      <location filename="../desktop/ui/demo/picker.py" line="76" />
      <source>0–2 years</source>
      <translation>0–2 år</translation>
    </message>
    <message>
      <location filename="../desktop/ui/demo/picker.py" line="77" />
      <source>3–5 years</source>
      <translation>3–5 år</translation>
    </message>
    <message>
      <location filename="../desktop/ui/demo/picker.py" line="78" />
      <source>6–12 years</source>
      <translation>6–12 år</translation>
    </message>
    <message>
      <location filename="../desktop/ui/demo/picker.py" line="79" />
      <source>13–17 years</source>
      <translation>13–17 år</translation>
    </message>
    <message>
      <location filename="../desktop/ui/demo/picker.py" line="84" />
      <source>Choose a training case</source>
      <translation>Vælg en øvelsescase</translation>
    </message>
    <message>
      <location filename="../desktop/ui/demo/picker.py" line="85" />
      <source>Pick a case, read the story, and file a notification as you would at work. Afterwards you see which signs you found.</source>
      <translation>Vælg en case, læs historien, og lav en underretning, som du ville gøre på arbejdet. Bagefter kan du se, hvilke tegn du fandt.</translation>
    </message>
    <message>
      <location filename="../desktop/ui/demo/picker.py" line="87" />
      <source>&amp;Training cases</source>
      <translation>Ø&amp;velsescases</translation>
    </message>
    <message>
      <location filename="../desktop/ui/demo/picker.py" line="88" />
      <source>The &amp;case</source>
      <translation>&amp;Casen</translation>
    </message>
    <message>
      <location filename="../desktop/ui/demo/picker.py" line="89" />
      <source>Training cases</source>
      <translation>Øvelsescases</translation>
    </message>
    <message>
      <location filename="../desktop/ui/demo/picker.py" line="90" />
      <source>The case story</source>
      <translation>Historien i casen</translation>
    </message>
    <message>
      <location filename="../desktop/ui/demo/picker.py" line="91" />
      <source>&amp;Start this case</source>
      <translation>&amp;Start denne case</translation>
    </message>
    <message>
      <location filename="../desktop/ui/demo/picker.py" line="92" />
      <source>Start this case</source>
      <translation>Start denne case</translation>
    </message>
    <message>
      <location filename="../desktop/ui/demo/picker.py" line="93" />
      <location filename="../desktop/ui/demo/picker.py" line="94" />
      <source>Cancel</source>
      <translation>Annuller</translation>
    </message>
  </context>
</TS>
