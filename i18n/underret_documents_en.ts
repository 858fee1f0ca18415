<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
  <context>
    <name>DocumentActions</name>
    <message>
      <location filename="../desktop/ui/documents/actions.py" line="40" />
      <source>&amp;Print…</source>
      <translation>&amp;Print…</translation>
    </message>
    <message>
      <location filename="../desktop/ui/documents/actions.py" line="42" />
      <location filename="../desktop/ui/documents/actions.py" line="86" />
      <source>Print the notification</source>
      <translation>Print the notification</translation>
    </message>
    <message>
      <location filename="../desktop/ui/documents/actions.py" line="43" />
      <source>Print the notification on paper</source>
      <translation>Print the notification on paper</translation>
    </message>
    <message>
      <location filename="../desktop/ui/documents/actions.py" line="45" />
      <source>&amp;Export as PDF…</source>
      <translation>&amp;Export as PDF…</translation>
    </message>
    <message>
      <location filename="../desktop/ui/documents/actions.py" line="47" />
      <location filename="../desktop/ui/documents/actions.py" line="48" />
      <source>Save an unprotected PDF copy of the notification</source>
      <translation>Save an unprotected PDF copy of the notification</translation>
    </message>
    <message>
      <location filename="../desktop/ui/documents/actions.py" line="85" />
      <source>Print…</source>
      <translation>Print…</translation>
    </message>
    <message>
      <location filename="../desktop/ui/documents/actions.py" line="88" />
      <source>Export as PDF…</source>
      <translation>Export as PDF…</translation>
    </message>
    <message>
      <location filename="../desktop/ui/documents/actions.py" line="89" />
      <source>Export the notification as an unprotected PDF file</source>
      <translation>Export the notification as an unprotected PDF file</translation>
    </message>
  </context>
  <context>
    <name>DocumentExport</name>
    <message>
      <location filename="../desktop/ui/documents/export.py" line="30" />
      <source>notification</source>
      <extracomment>Short name for translations; lupdate reads the literal context and text of each call.</extracomment>
      <translation>notification</translation>
    </message>
    <message>
      <location filename="../desktop/ui/documents/export.py" line="38" />
      <location filename="../desktop/ui/documents/export.py" line="85" />
      <location filename="../desktop/ui/documents/export.py" line="122" />
      <source>Export as PDF</source>
      <translation>Export as PDF</translation>
    </message>
    <message>
      <location filename="../desktop/ui/documents/export.py" line="39" />
      <source>The exported file is not protected</source>
      <translation>The exported file is not protected</translation>
    </message>
    <message>
      <location filename="../desktop/ui/documents/export.py" line="40" />
      <source>Anyone who can open the file can read the whole notification, including the child's CPR number. Save it only where it is needed, for example to print it, and delete it as soon as you have used it.</source>
      <translation>Anyone who can open the file can read the whole notification, including the child's CPR number. Save it only where it is needed, for example to print it, and delete it as soon as you have used it.</translation>
    </message>
    <message>
      <location filename="../desktop/ui/documents/export.py" line="46" />
      <source>Warning: the exported file is not protected</source>
      <translation>Warning: the exported file is not protected</translation>
    </message>
    <message>
      <location filename="../desktop/ui/documents/export.py" line="47" />
      <source>Export anyway</source>
      <translation>Export anyway</translation>
    </message>
    <message>
      <location filename="../desktop/ui/documents/export.py" line="50" />
      <source>Export the notification as an unprotected PDF file</source>
      <translation>Export the notification as an unprotected PDF file</translation>
    </message>
    <message>
      <location filename="../desktop/ui/documents/export.py" line="52" />
      <source>Cancel the export</source>
      <translation>Cancel the export</translation>
    </message>
    <message>
      <location filename="../desktop/ui/documents/export.py" line="76" />
      <source>Save the notification as PDF</source>
      <translation>Save the notification as PDF</translation>
    </message>
    <message>
      <location filename="../desktop/ui/documents/export.py" line="77" />
      <source>PDF files (*.pdf)</source>
      <translation>PDF files (*.pdf)</translation>
    </message>
    <message>
      <location filename="../desktop/ui/documents/export.py" line="86" />
      <source>The file name contains the child's CPR number. Please choose another name; a CPR number must never be part of a file name.</source>
      <translation>The file name contains the child's CPR number. Please choose another name; a CPR number must never be part of a file name.</translation>
    </message>
    <message>
      <location filename="../desktop/ui/documents/export.py" line="89" />
      <source>The file name contains a CPR number</source>
      <translation>The file name contains a CPR number</translation>
    </message>
    <message>
      <location filename="../desktop/ui/documents/export.py" line="123" />
      <source>The file could not be saved there. Choose another folder, or check that there is room on the disk.</source>
      <translation>The file could not be saved there. Choose another folder, or check that there is room on the disk.</translation>
    </message>
    <message>
      <location filename="../desktop/ui/documents/export.py" line="126" />
      <source>The export failed</source>
      <translation>The export failed</translation>
    </message>
  </context>
  <context>
    <name>DocumentPrinting</name>
    <message>
      <location filename="../desktop/ui/documents/printing.py" line="142" />
      <location filename="../desktop/ui/documents/printing.py" line="151" />
      <source>Print notification</source>
      <extracomment>Short name for translations; lupdate reads the literal context and text of each call.</extracomment>
      <translation>Print notification</translation>
    </message>
    <message>
      <location filename="../desktop/ui/documents/printing.py" line="143" />
      <source>Choose a printer for the notification</source>
      <translation>Choose a printer for the notification</translation>
    </message>
    <message>
      <location filename="../desktop/ui/documents/printing.py" line="152" />
      <source>The printer could not be started. Check that it is switched on and connected, and try again.</source>
      <translation>The printer could not be started. Check that it is switched on and connected, and try again.</translation>
    </message>
    <message>
      <location filename="../desktop/ui/documents/printing.py" line="155" />
      <source>Printing failed</source>
      <translation>Printing failed</translation>
    </message>
  </context>
</TS>
