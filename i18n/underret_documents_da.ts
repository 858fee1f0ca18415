<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="da" sourcelanguage="en">
  <context>
    <name>DocumentActions</name>
    <message>
      <location filename="../desktop/ui/documents/actions.py" line="40" />
      <source>&amp;Print…</source>
      <translation>&amp;Udskriv …</translation>
    </message>
    <message>
      <location filename="../desktop/ui/documents/actions.py" line="42" />
      <location filename="../desktop/ui/documents/actions.py" line="86" />
      <source>Print the notification</source>
      <translation>Udskriv underretningen</translation>
    </message>
    <message>
      <location filename="../desktop/ui/documents/actions.py" line="43" />
      <source>Print the notification on paper</source>
      <translation>Udskriv underretningen på papir</translation>
    </message>
    <message>
      <location filename="../desktop/ui/documents/actions.py" line="45" />
      <source>&amp;Export as PDF…</source>
      <translation>&amp;Gem som PDF …</translation>
    </message>
    <message>
      <location filename="../desktop/ui/documents/actions.py" line="47" />
      <location filename="../desktop/ui/documents/actions.py" line="48" />
      <source>Save an unprotected PDF copy of the notification</source>
      <translation>Gem en ubeskyttet PDF-kopi af underretningen</translation>
    </message>
    <message>
      <location filename="../desktop/ui/documents/actions.py" line="85" />
      <source>Print…</source>
      <translation>Udskriv …</translation>
    </message>
    <message>
      <location filename="../desktop/ui/documents/actions.py" line="88" />
      <source>Export as PDF…</source>
      <translation>Gem som PDF …</translation>
    </message>
    <message>
      <location filename="../desktop/ui/documents/actions.py" line="89" />
      <source>Export the notification as an unprotected PDF file</source>
      <translation>Gem underretningen som en ubeskyttet PDF-fil</translation>
    </message>
  </context>
  <context>
    <name>DocumentExport</name>
    <message>
      <location filename="../desktop/ui/documents/export.py" line="30" />
      <source>notification</source>
      <extracomment>Short name for translations; lupdate reads the literal context and text of each call.</extracomment>
      <translation>underretning</translation>
    </message>
    <message>
      <location filename="../desktop/ui/documents/export.py" line="38" />
      <location filename="../desktop/ui/documents/export.py" line="85" />
      <location filename="../desktop/ui/documents/export.py" line="122" />
      <source>Export as PDF</source>
      <translation>Gem som PDF</translation>
    </message>
    <message>
      <location filename="../desktop/ui/documents/export.py" line="39" />
      <source>The exported file is not protected</source>
      <translation>Filen, du gemmer, er ikke beskyttet</translation>
    </message>
    <message>
      <location filename="../desktop/ui/documents/export.py" line="40" />
      <source>Anyone who can open the file can read the whole notification, including the child's CPR number. Save it only where it is needed, for example to print it, and delete it as soon as you have used it.</source>
      <translation>Alle, der kan åbne filen, kan læse hele underretningen – også barnets CPR-nummer. Gem den kun dér, hvor du har brug for den, fx for at udskrive den, og slet den, så snart du har brugt den.</translation>
    </message>
    <message>
      <location filename="../desktop/ui/documents/export.py" line="46" />
      <source>Warning: the exported file is not protected</source>
      <translation>Advarsel: filen, du gemmer, er ikke beskyttet</translation>
    </message>
    <message>
      <location filename="../desktop/ui/documents/export.py" line="47" />
      <source>Export anyway</source>
      <translation>Gem alligevel</translation>
    </message>
    <message>
      <location filename="../desktop/ui/documents/export.py" line="50" />
      <source>Export the notification as an unprotected PDF file</source>
      <translation>Gem underretningen som en ubeskyttet PDF-fil</translation>
    </message>
    <message>
      <location filename="../desktop/ui/documents/export.py" line="52" />
      <source>Cancel the export</source>
      <translation>Gem ikke filen</translation>
    </message>
    <message>
      <location filename="../desktop/ui/documents/export.py" line="76" />
      <source>Save the notification as PDF</source>
      <translation>Gem underretningen som PDF</translation>
    </message>
    <message>
      <location filename="../desktop/ui/documents/export.py" line="77" />
      <source>PDF files (*.pdf)</source>
      <translation>PDF-filer (*.pdf)</translation>
    </message>
    <message>
      <location filename="../desktop/ui/documents/export.py" line="86" />
      <source>The file name contains the child's CPR number. Please choose another name; a CPR number must never be part of a file name.</source>
      <translation>Filnavnet indeholder barnets CPR-nummer. Vælg et andet navn – et CPR-nummer må aldrig stå i et filnavn.</translation>
    </message>
    <message>
      <location filename="../desktop/ui/documents/export.py" line="89" />
      <source>The file name contains a CPR number</source>
      <translation>Filnavnet indeholder et CPR-nummer</translation>
    </message>
    <message>
      <location filename="../desktop/ui/documents/export.py" line="123" />
      <source>The file could not be saved there. Choose another folder, or check that there is room on the disk.</source>
      <translation>Filen kunne ikke gemmes dér. Vælg en anden mappe, eller se efter, om der er plads på disken.</translation>
    </message>
    <message>
      <location filename="../desktop/ui/documents/export.py" line="126" />
      <source>The export failed</source>
      <translation>Filen blev ikke gemt</translation>
    </message>
  </context>
  <context>
    <name>DocumentPrinting</name>
    <message>
      <location filename="../desktop/ui/documents/printing.py" line="142" />
      <location filename="../desktop/ui/documents/printing.py" line="151" />
      <source>Print notification</source>
      <extracomment>Short name for translations; lupdate reads the literal context and text of each call.</extracomment>
      <translation>Udskriv underretning</translation>
    </message>
    <message>
      <location filename="../desktop/ui/documents/printing.py" line="143" />
      <source>Choose a printer for the notification</source>
      <translation>Vælg printer til underretningen</translation>
    </message>
    <message>
      <location filename="../desktop/ui/documents/printing.py" line="152" />
      <source>The printer could not be started. Check that it is switched on and connected, and try again.</source>
      <translation>Printeren kunne ikke startes. Se efter, at den er tændt og forbundet, og prøv igen.</translation>
    </message>
    <message>
      <location filename="../desktop/ui/documents/printing.py" line="155" />
      <source>Printing failed</source>
      <translation>Udskrivningen mislykkedes</translation>
    </message>
  </context>
</TS>
