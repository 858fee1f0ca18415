<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="da" sourcelanguage="en">
  <context>
    <name>Delivery</name>
    <message>
      <location filename="../desktop/ui/delivery/panel.py" line="65" />
      <source>Delivery of the selected notification</source>
      <translation>Afsendelse af den valgte underretning</translation>
    </message>
    <message>
      <location filename="../desktop/ui/delivery/panel.py" line="66" />
      <source>Send &amp;again</source>
      <translation>Send &amp;igen</translation>
    </message>
    <message>
      <location filename="../desktop/ui/delivery/panel.py" line="67" />
      <source>Send the refused notification again</source>
      <translation>Send den afviste underretning igen</translation>
    </message>
    <message>
      <location filename="../desktop/ui/delivery/panel.py" line="68" />
      <location filename="../desktop/ui/delivery/window.py" line="198" />
      <source>I have received the municipality's &amp;receipt</source>
      <extracomment>Waiting to be sent, as the list shows it (the Waiting tab's count). The listed notifications that raise an alert, worked out once per reload of the list. Notifications whose acknowledgement the person has noted (from the vault's audit log). Alerts the person has seen: (notification id, alert key), from the audit log.</extracomment>
      <translation>Jeg har fået kommunens &amp;kvittering</translation>
    </message>
    <message>
      <location filename="../desktop/ui/delivery/panel.py" line="70" />
      <location filename="../desktop/ui/delivery/window.py" line="200" />
      <source>Note that the municipality has sent a receipt for the selected notification</source>
      <translation>Notér, at kommunen har sendt kvittering for den valgte underretning</translation>
    </message>
    <message>
      <location filename="../desktop/ui/delivery/window.py" line="204" />
      <source>Send &amp;now</source>
      <translation>Send &amp;nu</translation>
    </message>
    <message>
      <location filename="../desktop/ui/delivery/window.py" line="205" />
      <source>Try to send every waiting notification now (F9)</source>
      <translation>Prøv at sende alle ventende underretninger nu (F9)</translation>
    </message>
    <message>
      <location filename="../desktop/ui/delivery/window.py" line="208" />
      <source>Send waiting notifications now</source>
      <translation>Send ventende underretninger nu</translation>
    </message>
    <message>
      <location filename="../desktop/ui/delivery/window.py" line="211" />
      <source>Nothing waiting to be sent</source>
      <translation>Intet venter på at blive sendt</translation>
    </message>
    <message>
      <location filename="../desktop/ui/delivery/window.py" line="213" />
      <source>1 notification waiting to be sent</source>
      <translation>1 underretning venter på at blive sendt</translation>
    </message>
    <message>
      <location filename="../desktop/ui/delivery/window.py" line="215" />
      <source>%1 notifications waiting to be sent</source>
      <translation>%1 underretninger venter på at blive sendt</translation>
    </message>
    <message>
      <location filename="../desktop/ui/delivery/window.py" line="264" />
      <source>The notification has been sent.</source>
      <translation>Underretningen er sendt.</translation>
    </message>
    <message>
      <location filename="../desktop/ui/delivery/window.py" line="269" />
      <source>The municipality has received the notification about %1.</source>
      <translation>Kommunen har modtaget underretningen om %1.</translation>
    </message>
    <message>
      <location filename="../desktop/ui/delivery/window.py" line="271" />
      <source>The municipality has received the notification.</source>
      <translation>Kommunen har modtaget underretningen.</translation>
    </message>
    <message>
      <location filename="../desktop/ui/delivery/window.py" line="203" />
      <source>Send the refused notification &amp;again</source>
      <translation>Send den afviste underretning &amp;igen</translation>
    </message>
    <message>
      <location filename="../desktop/ui/delivery/window.py" line="207" />
      <source>Send now (F9)</source>
      <translation>Send nu (F9)</translation>
    </message>
    <message>
      <location filename="../desktop/ui/delivery/window.py" line="261" />
      <source>The notification about %1 has been sent.</source>
      <translation>Underretningen om %1 er sendt.</translation>
    </message>
    <message>
      <location filename="../desktop/ui/delivery/window.py" line="302" />
      <source>Underret: a notification needs you</source>
      <translation>Underret: En underretning kræver din opmærksomhed</translation>
    </message>
    <message>
      <location filename="../desktop/ui/delivery/window.py" line="471" />
      <source>The notification is being sent again.</source>
      <translation>Underretningen bliver sendt igen.</translation>
    </message>
    <message>
      <location filename="../desktop/ui/delivery/window.py" line="479" />
      <source>Sending…</source>
      <translation>Sender …</translation>
    </message>
    <message>
      <location filename="../desktop/ui/delivery/quitting.py" line="57" />
      <source>Notifications are waiting to be sent</source>
      <translation>Underretninger venter på at blive sendt</translation>
    </message>
    <message>
      <location filename="../desktop/ui/delivery/quitting.py" line="59" />
      <source>1 notification has not been sent yet.</source>
      <translation>1 underretning er ikke sendt endnu.</translation>
    </message>
    <message>
      <location filename="../desktop/ui/delivery/quitting.py" line="61" />
      <source>%1 notifications have not been sent yet.</source>
      <translation>%1 underretninger er ikke sendt endnu.</translation>
    </message>
    <message>
      <location filename="../desktop/ui/delivery/quitting.py" line="63" />
      <source>They are kept safely on this PC and are sent the next time you open Underret while the PC is online. If the matter is urgent, phone the municipality.</source>
      <translation>De er gemt sikkert på denne pc og bliver sendt, næste gang du åbner Underret, mens pc'en er på nettet. Er sagen akut, så ring til kommunen.</translation>
    </message>
    <message>
      <location filename="../desktop/ui/delivery/quitting.py" line="70" />
      <source>&amp;Quit anyway</source>
      <translation>&amp;Afslut alligevel</translation>
    </message>
    <message>
      <location filename="../desktop/ui/delivery/quitting.py" line="72" />
      <source>Quit anyway</source>
      <translation>Afslut alligevel</translation>
    </message>
    <message>
      <location filename="../desktop/ui/delivery/quitting.py" line="73" />
      <source>&amp;Keep Underret open</source>
      <translation>&amp;Lad Underret være åben</translation>
    </message>
    <message>
      <location filename="../desktop/ui/delivery/quitting.py" line="76" />
      <source>Keep Underret open</source>
      <translation>Lad Underret være åben</translation>
    </message>
    <message>
      <location filename="../desktop/ui/delivery/wording.py" line="129" />
      <source>Phone %1 on %2 and give the reference number.</source>
      <extracomment>States that count as "waiting to be sent" (the Waiting tab and the count above the lists). Audit event the person records when the municipality's acknowledgement has arrived (by letter or mail). The colours the panel takes (a refusal or a late acknowledgement is a danger; waiting a notice). Refused: the person can put it back in the queue once the cause is fixed. Received or sent: the person can note that the municipality's acknowledgement came. Whether sending can run on this PC now (False: not set up): a notification a crash left "being sent" then waits, and is called waiting.</extracomment>
      <translation>Ring til %1 på %2, og oplys referencenummeret.</translation>
    </message>
    <message>
      <location filename="../desktop/ui/delivery/wording.py" line="132" />
      <source>Phone children's services in %1 and give the reference number.</source>
      <translation>Ring til børne- og familieafdelingen i %1, og oplys referencenummeret.</translation>
    </message>
    <message>
      <location filename="../desktop/ui/delivery/wording.py" line="134" />
      <source>Phone the municipality's children's services and give the reference number.</source>
      <translation>Ring til kommunens børne- og familieafdeling, og oplys referencenummeret.</translation>
    </message>
    <message>
      <location filename="../desktop/ui/delivery/wording.py" line="141" />
      <source>Phone %1 on %2 today and say that the notification could not be delivered; give them the facts by phone if the matter is urgent.</source>
      <translation>Ring til %1 på %2 i dag, og fortæl, at underretningen ikke kunne afleveres. Er sagen akut, så fortæl det vigtigste i telefonen.</translation>
    </message>
    <message>
      <location filename="../desktop/ui/delivery/wording.py" line="144" />
      <source>Phone the municipality's children's services today and say that the notification could not be delivered; give them the facts by phone if the matter is urgent.</source>
      <translation>Ring til kommunens børne- og familieafdeling i dag, og fortæl, at underretningen ikke kunne afleveres. Er sagen akut, så fortæl det vigtigste i telefonen.</translation>
    </message>
    <message>
      <location filename="../desktop/ui/delivery/wording.py" line="158" />
      <source>today %1</source>
      <translation>i dag %1</translation>
    </message>
    <message>
      <location filename="../desktop/ui/delivery/wording.py" line="173" />
      <source>Waiting – not sent yet</source>
      <translation>Venter – ikke sendt endnu</translation>
    </message>
    <message>
      <location filename="../desktop/ui/delivery/wording.py" line="174" />
      <source>Waiting to be sent</source>
      <translation>Venter på at blive sendt</translation>
    </message>
    <message>
      <location filename="../desktop/ui/delivery/wording.py" line="175" />
      <source>Being sent now</source>
      <translation>Sendes nu</translation>
    </message>
    <message>
      <location filename="../desktop/ui/delivery/wording.py" line="176" />
      <source>Refused – phone the municipality</source>
      <translation>Afvist – ring til kommunen</translation>
    </message>
    <message>
      <location filename="../desktop/ui/delivery/wording.py" line="179" />
      <source>Sent by secure e-mail – content removed</source>
      <translation>Sendt med sikker mail – indholdet er slettet</translation>
    </message>
    <message>
      <location filename="../desktop/ui/delivery/wording.py" line="177" />
      <source>No receipt – phone the municipality</source>
      <translation>Ingen kvittering – ring til kommunen</translation>
    </message>
    <message>
      <location filename="../desktop/ui/delivery/wording.py" line="178" />
      <source>Receipt received</source>
      <translation>Kvittering modtaget</translation>
    </message>
    <message>
      <location filename="../desktop/ui/delivery/wording.py" line="180" />
      <source>Sent, not yet confirmed as received</source>
      <translation>Sendt, venter på besked om modtagelse</translation>
    </message>
    <message>
      <location filename="../desktop/ui/delivery/wording.py" line="181" />
      <source>Sent by secure e-mail</source>
      <translation>Sendt med sikker mail</translation>
    </message>
    <message>
      <location filename="../desktop/ui/delivery/wording.py" line="182" />
      <source>Received – content removed</source>
      <translation>Modtaget – indholdet er slettet</translation>
    </message>
    <message>
      <location filename="../desktop/ui/delivery/wording.py" line="183" />
      <source>Received by the municipality</source>
      <translation>Modtaget af kommunen</translation>
    </message>
    <message>
      <location filename="../desktop/ui/delivery/wording.py" line="230" />
      <location filename="../desktop/ui/delivery/wording.py" line="357" />
      <location filename="../desktop/ui/delivery/wording.py" line="362" />
      <source>the municipality</source>
      <translation>kommunen</translation>
    </message>
    <message>
      <location filename="../desktop/ui/delivery/wording.py" line="234" />
      <location filename="../desktop/ui/delivery/wording.py" line="251" />
      <source>Why: %1.</source>
      <translation>Hvorfor: %1.</translation>
    </message>
    <message>
      <location filename="../desktop/ui/delivery/wording.py" line="236" />
      <source>Next try: %1 (or choose “Send now”).</source>
      <translation>Næste forsøg: %1 (eller vælg »Send nu«).</translation>
    </message>
    <message>
      <location filename="../desktop/ui/delivery/wording.py" line="238" />
      <source>It is kept safely on this PC and is sent by itself as soon as it can be. If the matter is urgent, phone the municipality.</source>
      <translation>Den er gemt sikkert på denne pc og bliver sendt af sig selv, så snart det kan lade sig gøre. Er sagen akut, så ring til kommunen.</translation>
    </message>
    <message>
      <location filename="../desktop/ui/delivery/wording.py" line="242" />
      <source>Not sent yet – waiting to be sent to %1.</source>
      <translation>Ikke sendt endnu – venter på at blive sendt til %1.</translation>
    </message>
    <message>
      <location filename="../desktop/ui/delivery/wording.py" line="244" />
      <source>Waiting to be sent to %1.</source>
      <translation>Venter på at blive sendt til %1.</translation>
    </message>
    <message>
      <location filename="../desktop/ui/delivery/wording.py" line="248" />
      <source>Being sent to %1 now.</source>
      <translation>Sendes til %1 nu.</translation>
    </message>
    <message>
      <location filename="../desktop/ui/delivery/wording.py" line="252" />
      <source>What to do: %1</source>
      <translation>Det skal du gøre: %1</translation>
    </message>
    <message>
      <location filename="../desktop/ui/delivery/wording.py" line="254" />
      <source>When IT has fixed the cause, choose “Send again”. It is kept safely on this PC until then.</source>
      <translation>Når it-afdelingen har rettet fejlen, så vælg »Send igen«. Indtil da er den gemt sikkert på denne pc.</translation>
    </message>
    <message>
      <location filename="../desktop/ui/delivery/wording.py" line="257" />
      <source>%1 did not accept the notification. It has not been delivered.</source>
      <translation>%1 tog ikke imod underretningen. Den er ikke afleveret.</translation>
    </message>
    <message>
      <location filename="../desktop/ui/delivery/wording.py" line="275" />
      <source>The municipality has told you on %1 (%2): %3</source>
      <translation>Kommunen har givet dig besked den %1 (%2): %3</translation>
    </message>
    <message>
      <location filename="../desktop/ui/delivery/wording.py" line="283" />
      <source>the notification has led to an investigation of the child's situation.</source>
      <translation>underretningen har ført til en undersøgelse af barnets forhold.</translation>
    </message>
    <message>
      <location filename="../desktop/ui/delivery/wording.py" line="286" />
      <source>the notification has led to support for the child or the family.</source>
      <translation>underretningen har ført til støtte til barnet eller familien.</translation>
    </message>
    <message>
      <location filename="../desktop/ui/delivery/wording.py" line="287" />
      <source>the notification has led to no measures.</source>
      <translation>underretningen har ikke ført til foranstaltninger.</translation>
    </message>
    <message>
      <location filename="../desktop/ui/delivery/window.py" line="273" />
      <location filename="../desktop/ui/delivery/wording.py" line="301" />
      <source>Reference number: %1.</source>
      <translation>Referencenummer: %1.</translation>
    </message>
    <message>
      <location filename="../desktop/ui/delivery/wording.py" line="302" />
      <source>The municipality's reference number: %1.</source>
      <translation>Kommunens referencenummer: %1.</translation>
    </message>
    <message>
      <location filename="../desktop/ui/delivery/wording.py" line="314" />
      <source>The municipality should have sent you a receipt by %1.</source>
      <translation>Kommunen skulle have sendt dig en kvittering senest %1.</translation>
    </message>
    <message>
      <location filename="../desktop/ui/delivery/wording.py" line="317" />
      <source>%1 has not sent a receipt within six working days.</source>
      <translation>%1 har ikke sendt kvittering inden for seks hverdage.</translation>
    </message>
    <message>
      <location filename="../desktop/ui/delivery/wording.py" line="332" />
      <source>The content was removed from this PC after the retention period; the record that the municipality received it is kept.</source>
      <translation>Indholdet er slettet fra denne pc efter opbevaringsperioden; oplysningen om, at kommunen har modtaget den, er gemt.</translation>
    </message>
    <message>
      <location filename="../desktop/ui/delivery/wording.py" line="341" />
      <source>You have noted that the municipality sent you a receipt.</source>
      <translation>Du har noteret, at kommunen har sendt dig en kvittering.</translation>
    </message>
    <message>
      <location filename="../desktop/ui/delivery/wording.py" line="345" />
      <source>The municipality must send you a receipt by %1 (six working days). If none comes, phone them.</source>
      <translation>Kommunen skal sende dig en kvittering senest %1 (seks hverdage). Får du ingen, så ring til kommunen.</translation>
    </message>
    <message>
      <location filename="../desktop/ui/delivery/wording.py" line="360" />
      <source>No receipt from %1 for the notification about %2 (reference number %3).</source>
      <translation>Ingen kvittering fra %1 for underretningen om %2 (referencenummer %3).</translation>
    </message>
    <message>
      <location filename="../desktop/ui/delivery/wording.py" line="322" />
      <source>Sent to %1 by secure e-mail.</source>
      <translation>Sendt til %1 med sikker mail.</translation>
    </message>
    <message>
      <location filename="../desktop/ui/delivery/wording.py" line="272" />
      <source>The municipality has sent a receipt on %1 (%2).</source>
      <translation>Kommunen har sendt kvittering den %1 (%2).</translation>
    </message>
    <message>
      <location filename="../desktop/ui/delivery/wording.py" line="324" />
      <source>Sent: %1.</source>
      <translation>Sendt: %1.</translation>
    </message>
    <message>
      <location filename="../desktop/ui/delivery/wording.py" line="325" />
      <source>Secure e-mail gives no automatic message of receipt.</source>
      <translation>Sikker mail giver ingen automatisk besked om modtagelse.</translation>
    </message>
    <message>
      <location filename="../desktop/ui/delivery/wording.py" line="327" />
      <source>Received by %1.</source>
      <translation>Modtaget af %1.</translation>
    </message>
    <message>
      <location filename="../desktop/ui/delivery/wording.py" line="329" />
      <source>Received: %1.</source>
      <translation>Modtaget: %1.</translation>
    </message>
    <message>
      <location filename="../desktop/ui/delivery/wording.py" line="356" />
      <source>The notification about %1 was not accepted by %2: %3.</source>
      <translation>%2 tog ikke imod underretningen om %1: %3.</translation>
    </message>
    <message>
      <location filename="../desktop/ui/delivery/wording.py" line="367" />
      <source>Phone %1.</source>
      <translation>Ring på %1.</translation>
    </message>
    <message>
      <location filename="../desktop/ui/delivery/alerts.py" line="72" />
      <source>A notification needs you</source>
      <translation>En underretning kræver din opmærksomhed</translation>
    </message>
    <message>
      <location filename="../desktop/ui/delivery/alerts.py" line="73" />
      <source>S&amp;how it</source>
      <translation>&amp;Vis den</translation>
    </message>
    <message>
      <location filename="../desktop/ui/delivery/alerts.py" line="74" />
      <source>Show the notification in the list</source>
      <translation>Vis underretningen i listen</translation>
    </message>
    <message>
      <location filename="../desktop/ui/delivery/alerts.py" line="75" />
      <source>I have s&amp;een it</source>
      <translation>Jeg har &amp;set det</translation>
    </message>
    <message>
      <location filename="../desktop/ui/delivery/alerts.py" line="76" />
      <source>I have seen it: hide this message</source>
      <translation>Jeg har set det: skjul beskeden</translation>
    </message>
    <message>
      <location filename="../desktop/ui/delivery/__init__.py" line="65" />
      <source>Code for IT (sender key fingerprint)</source>
      <translation>Kode til it-afdelingen</translation>
    </message>
  </context>
  <context>
    <name>DeliveryMessages</name>
    <message>
      <location filename="../desktop/ui/delivery/messages.py" line="22" />
      <source>the municipality's receiving service did not answer</source>
      <translation>kommunens modtagesystem svarede ikke</translation>
    </message>
    <message>
      <location filename="../desktop/ui/delivery/messages.py" line="24" />
      <source>the receiving service could not prove it is the municipality's (wrong certificate), so nothing was sent</source>
      <translation>modtagesystemet kunne ikke bevise, at det er kommunens (forkert certifikat), så intet blev sendt</translation>
    </message>
    <message>
      <location filename="../desktop/ui/delivery/messages.py" line="27" />
      <source>the receiving service's certificate has expired, so nothing was sent</source>
      <translation>modtagesystemets certifikat er udløbet, så intet blev sendt</translation>
    </message>
    <message>
      <location filename="../desktop/ui/delivery/messages.py" line="29" />
      <source>a secure connection to the municipality could not be made</source>
      <translation>der kunne ikke oprettes en sikker forbindelse til kommunen</translation>
    </message>
    <message>
      <location filename="../desktop/ui/delivery/messages.py" line="31" />
      <source>the municipality's receiving service took too long to answer</source>
      <translation>kommunens modtagesystem var for længe om at svare</translation>
    </message>
    <message>
      <location filename="../desktop/ui/delivery/messages.py" line="33" />
      <source>the municipality's receiving service had a fault</source>
      <translation>kommunens modtagesystem havde en fejl</translation>
    </message>
    <message>
      <location filename="../desktop/ui/delivery/messages.py" line="35" />
      <source>the notification is larger than the receiving service accepts</source>
      <translation>underretningen er større, end modtagesystemet tager imod</translation>
    </message>
    <message>
      <location filename="../desktop/ui/delivery/messages.py" line="37" />
      <source>the municipality's receiving service is busy</source>
      <translation>kommunens modtagesystem har travlt</translation>
    </message>
    <message>
      <location filename="../desktop/ui/delivery/messages.py" line="39" />
      <source>the connection was broken before the municipality confirmed</source>
      <translation>forbindelsen blev afbrudt, før kommunen svarede</translation>
    </message>
    <message>
      <location filename="../desktop/ui/delivery/messages.py" line="41" />
      <source>this PC is not connected to the internet</source>
      <translation>pc'en er ikke på internettet</translation>
    </message>
    <message>
      <location filename="../desktop/ui/delivery/messages.py" line="43" />
      <source>the network did not work</source>
      <translation>netværket virkede ikke</translation>
    </message>
    <message>
      <location filename="../desktop/ui/delivery/messages.py" line="45" />
      <source>the receiving service gave an answer Underret does not understand</source>
      <translation>modtagesystemet gav et svar, som Underret ikke forstår</translation>
    </message>
    <message>
      <location filename="../desktop/ui/delivery/messages.py" line="47" />
      <source>the confirmation of delivery could not be checked as the municipality's</source>
      <translation>modtagesystemets besked om modtagelse kunne ikke kontrolleres som kommunens</translation>
    </message>
    <message>
      <location filename="../desktop/ui/delivery/messages.py" line="49" />
      <source>the confirmation of delivery did not match this notification</source>
      <translation>modtagesystemets besked om modtagelse passede ikke til denne underretning</translation>
    </message>
    <message>
      <location filename="../desktop/ui/delivery/messages.py" line="51" />
      <source>the confirmation of delivery was damaged</source>
      <translation>modtagesystemets besked om modtagelse var beskadiget</translation>
    </message>
    <message>
      <location filename="../desktop/ui/delivery/messages.py" line="53" />
      <source>the municipality already has a different notification with the same number</source>
      <translation>kommunen har allerede en anden underretning med samme nummer</translation>
    </message>
    <message>
      <location filename="../desktop/ui/delivery/messages.py" line="56" />
      <source>the municipality's receiving service refused it</source>
      <translation>kommunens modtagesystem afviste den</translation>
    </message>
    <message>
      <location filename="../desktop/ui/delivery/messages.py" line="58" />
      <source>the municipality's receiving service cannot open it with the keys it holds now (ask IT to check the intake keys)</source>
      <translation>kommunens modtagesystem er ikke sat op til at åbne den (bed it-afdelingen om at tjekke modtagesystemet)</translation>
    </message>
    <message>
      <location filename="../desktop/ui/delivery/messages.py" line="61" />
      <source>the municipality's receiving service found it damaged</source>
      <translation>kommunens modtagesystem fandt den beskadiget</translation>
    </message>
    <message>
      <location filename="../desktop/ui/delivery/messages.py" line="63" />
      <source>the municipality's receiving service found its number did not match</source>
      <translation>kommunens modtagesystem fandt, at dens nummer ikke passede</translation>
    </message>
    <message>
      <location filename="../desktop/ui/delivery/messages.py" line="65" />
      <source>the municipality's receiving service does not accept this PC yet (IT must set this PC up; the notification waits and goes as soon as that is done)</source>
      <translation>kommunens modtagesystem tager endnu ikke imod underretninger fra denne pc (it-afdelingen skal sætte pc'en op; underretningen venter og bliver sendt, så snart det er gjort)</translation>
    </message>
    <message>
      <location filename="../desktop/ui/delivery/messages.py" line="69" />
      <source>the municipality's receiving service could not be reached</source>
      <translation>der var ingen forbindelse til kommunens modtagesystem</translation>
    </message>
    <message>
      <location filename="../desktop/ui/delivery/messages.py" line="71" />
      <source>the network's proxy server did not let the connection through (ask IT)</source>
      <translation>netværkets proxyserver lukkede ikke forbindelsen igennem (kontakt it-afdelingen)</translation>
    </message>
    <message>
      <location filename="../desktop/ui/delivery/messages.py" line="73" />
      <source>sending was stopped before the municipality answered</source>
      <translation>afsendelsen blev stoppet, før kommunen svarede</translation>
    </message>
    <message>
      <location filename="../desktop/ui/delivery/messages.py" line="75" />
      <source>it could not be delivered</source>
      <translation>den kunne ikke afleveres</translation>
    </message>
    <message>
      <location filename="../desktop/ui/delivery/messages.py" line="77" />
      <source>the settings for sending on this PC are not right</source>
      <translation>indstillingerne for afsendelse på denne pc er ikke rigtige</translation>
    </message>
    <message>
      <location filename="../desktop/ui/delivery/messages.py" line="79" />
      <source>sending is not set up on this PC yet</source>
      <translation>afsendelse er ikke sat op på denne pc endnu</translation>
    </message>
    <message>
      <location filename="../desktop/ui/delivery/messages.py" line="81" />
      <location filename="../desktop/ui/delivery/messages.py" line="84" />
      <source>the child's municipality cannot receive notifications through Underret yet; phone the municipality</source>
      <translation>barnets kommune kan endnu ikke modtage underretninger gennem Underret; ring til kommunen</translation>
    </message>
    <message>
      <location filename="../desktop/ui/delivery/messages.py" line="87" />
      <location filename="../desktop/ui/delivery/messages.py" line="90" />
      <source>this PC may not send to the child's municipality the way it receives notifications; phone the municipality</source>
      <translation>denne pc må ikke sende til barnets kommune på den måde, kommunen modtager underretninger; ring til kommunen</translation>
    </message>
    <message>
      <location filename="../desktop/ui/delivery/messages.py" line="93" />
      <source>the receiving address is not secure (https is required)</source>
      <translation>modtageradressen er ikke sikker (https er påkrævet)</translation>
    </message>
    <message>
      <location filename="../desktop/ui/delivery/messages.py" line="95" />
      <source>this PC has no certificate to check the municipality's receiving service</source>
      <translation>pc'en har intet certifikat til at kontrollere kommunens modtagesystem</translation>
    </message>
    <message>
      <location filename="../desktop/ui/delivery/messages.py" line="98" />
      <source>the mail server does not offer an encrypted connection, so nothing was sent</source>
      <translation>mailserveren tilbyder ikke en sikker forbindelse, så intet blev sendt</translation>
    </message>
    <message>
      <location filename="../desktop/ui/delivery/messages.py" line="101" />
      <source>the mail server asked to try again later</source>
      <translation>mailserveren bad om at prøve igen senere</translation>
    </message>
    <message>
      <location filename="../desktop/ui/delivery/messages.py" line="103" />
      <source>the mail server refused the municipality's secure e-mail address (ask IT to check it)</source>
      <translation>mailserveren afviste kommunens sikre mailadresse (bed it-afdelingen om at tjekke den)</translation>
    </message>
    <message>
      <location filename="../desktop/ui/delivery/messages.py" line="106" />
      <source>the mail server refused the sender address IT has set up</source>
      <translation>mailserveren afviste den afsenderadresse, it-afdelingen har sat op</translation>
    </message>
    <message>
      <location filename="../desktop/ui/delivery/messages.py" line="108" />
      <source>the mail server did not accept mail from this PC (ask IT)</source>
      <translation>mailserveren tog ikke imod mail fra denne pc (kontakt it-afdelingen)</translation>
    </message>
    <message>
      <location filename="../desktop/ui/delivery/messages.py" line="110" />
      <source>IT must set up the mail login on this PC; the notification waits and goes as soon as that is done</source>
      <translation>it-afdelingen skal sætte login til mailserveren op på denne pc; underretningen venter og bliver sendt, så snart det er gjort</translation>
    </message>
    <message>
      <location filename="../desktop/ui/delivery/messages.py" line="113" />
      <source>the certificate for the municipality's secure mailbox is not from an issuer IT has approved, so nothing was sent (ask IT)</source>
      <translation>certifikatet til kommunens sikre postkasse er ikke udstedt af en udsteder, som it-afdelingen har godkendt, så intet blev sendt (kontakt it-afdelingen)</translation>
    </message>
    <message>
      <location filename="../desktop/ui/delivery/messages.py" line="116" />
      <source>the certificate for the municipality's secure mailbox is not meant for encrypted e-mail, so nothing was sent (ask IT)</source>
      <translation>certifikatet til kommunens sikre postkasse er ikke beregnet til sikker mail, så intet blev sendt (kontakt it-afdelingen)</translation>
    </message>
    <message>
      <location filename="../desktop/ui/delivery/messages.py" line="119" />
      <source>the certificate for the municipality's secure mailbox belongs to another address, so nothing was sent (ask IT)</source>
      <translation>certifikatet til kommunens sikre postkasse hører til en anden adresse, så intet blev sendt (kontakt it-afdelingen)</translation>
    </message>
    <message>
      <location filename="../desktop/ui/delivery/messages.py" line="122" />
      <source>the certificate for the municipality's secure mailbox is not valid yet, so nothing was sent (ask IT)</source>
      <translation>certifikatet til kommunens sikre postkasse er ikke gyldigt endnu, så intet blev sendt (kontakt it-afdelingen)</translation>
    </message>
    <message>
      <location filename="../desktop/ui/delivery/messages.py" line="125" />
      <source>the certificate for the municipality's secure mailbox has been revoked, so nothing was sent (ask IT)</source>
      <translation>certifikatet til kommunens sikre postkasse er spærret, så intet blev sendt (kontakt it-afdelingen)</translation>
    </message>
    <message>
      <location filename="../desktop/ui/delivery/messages.py" line="128" />
      <source>it could not be checked whether the certificate for the municipality's secure mailbox has been revoked, so nothing was sent (ask IT)</source>
      <translation>det kunne ikke kontrolleres, om certifikatet til kommunens sikre postkasse er spærret, så intet blev sendt (kontakt it-afdelingen)</translation>
    </message>
    <message>
      <location filename="../desktop/ui/delivery/messages.py" line="131" />
      <source>it was sent, but it could not be checked whether the certificate for the municipality's secure mailbox has been revoked (IT has been told)</source>
      <translation>den er sendt, men det kunne ikke kontrolleres, om certifikatet til kommunens sikre postkasse er spærret (it-afdelingen kan se det)</translation>
    </message>
    <message>
      <location filename="../desktop/ui/delivery/messages.py" line="134" />
      <source>the organisation certificate IT has set up for signing mail cannot be used (ask IT)</source>
      <translation>organisationscertifikatet, som it-afdelingen har sat op til at signere mail, kan ikke bruges (kontakt it-afdelingen)</translation>
    </message>
    <message>
      <location filename="../desktop/ui/delivery/messages.py" line="137" />
      <source>the notification is larger than the mail server accepts</source>
      <translation>underretningen er større, end mailserveren tager imod</translation>
    </message>
    <message>
      <location filename="../desktop/ui/delivery/messages.py" line="139" />
      <source>the mail server refused the secure e-mail</source>
      <translation>mailserveren afviste den sikre mail</translation>
    </message>
    <message>
      <location filename="../desktop/ui/delivery/messages.py" line="141" />
      <source>the certificate for the municipality's secure mailbox cannot be used (ask IT)</source>
      <translation>certifikatet til kommunens sikre postkasse kan ikke bruges (kontakt it-afdelingen)</translation>
    </message>
    <message>
      <location filename="../desktop/ui/delivery/messages.py" line="144" />
      <source>the certificate for the municipality's secure mailbox has expired, so nothing was sent (ask IT)</source>
      <translation>certifikatet til kommunens sikre postkasse er udløbet, så intet blev sendt (kontakt it-afdelingen)</translation>
    </message>
    <message>
      <location filename="../desktop/ui/delivery/messages.py" line="165" />
      <source>an unexpected problem</source>
      <extracomment>Reasons after which the item is refused for good (FAILED): the person must act. (A PC not accepted, a mail login or certificate problem: IT fixes those on this PC, and the notification waits in the queue meanwhile; those are not refusals.)</extracomment>
      <translation>et uventet problem</translation>
    </message>
    <message>
      <location filename="../desktop/ui/delivery/messages.py" line="177" />
      <source>Not sent yet: %1.</source>
      <translation>Ikke sendt endnu: %1.</translation>
    </message>
    <message>
      <location filename="../desktop/ui/delivery/messages.py" line="195" />
      <source>Sending is not set up on this PC yet, so the notification cannot be sealed for the municipality. What you wrote is kept. Please contact IT, and phone the municipality if the matter is urgent.</source>
      <extracomment>Reasons whose whole sentence another module registers, with details only it has.</extracomment>
      <translation>Afsendelse er ikke sat op på denne pc endnu, så underretningen kan ikke sendes sikkert til kommunen. Det, du har skrevet, er gemt. Kontakt it-afdelingen, og ring til kommunen, hvis sagen er akut.</translation>
    </message>
  </context>
  <context>
    <name>MainWindowDelivery</name>
    <message numerus="yes">
      <location filename="../desktop/ui/delivery/window.py" line="266" />
      <source>%n notifications have been sent.</source>
      <translation>
        <numerusform>%n underretning er sendt.</numerusform>
        <numerusform>%n underretninger er sendt.</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <location filename="../desktop/ui/delivery/window.py" line="275" />
      <source>The municipality has received %n notifications.</source>
      <translation>
        <numerusform>Kommunen har modtaget %n underretning.</numerusform>
        <numerusform>Kommunen har modtaget %n underretninger.</numerusform>
      </translation>
    </message>
  </context>
</TS>
