import type { DirectoryData, Organization } from '../../../domain';
import { directoryFixture } from '../../support/directory-fixtures';
import { useStore, type StoreFactory } from './store-factory';

const only = (organizations: Organization[]): DirectoryData => ({ organizations, people: [], links: [], relationships: [], subscriptions: [] });
const bytesOf = (...values: number[]) => new Uint8Array(values);

/**
 * The recognizer's organization-name index saved in the store and the names generation it is tied to
 * (SavedOrganizationIndexPort): what both stores must do so that every running instance learns new and
 * changed organization names, and so that what is read back is never an index of older names.
 */
export function describeSavedOrganizationIndexContract(name: string, factory: StoreFactory): void {
  describe(`${name}: SavedOrganizationIndexPort (the organization-name index and the names generation)`, () => {
    const s = useStore(factory);
    const port = () => s.store.organizationIndex;
    const data = directoryFixture();
    const contoso = data.organizations.find((o) => o.id === 'contoso')!;

    /** What the port gives, its bytes as a plain Uint8Array (LevelDB answers with a Buffer, a subclass). */
    const saved = async (p = port()) => {
      const { bytes, generation } = await p.savedOrganizationIndex();
      return { bytes: bytes && new Uint8Array(bytes), generation };
    };
    /** Imports organizations and says whether the names generation moved. */
    const moves = async (organizations: Organization[]): Promise<boolean> => {
      const before = await port().namesGeneration();
      await s.store.directory.importDirectory(only(organizations));
      return (await port().namesGeneration()) !== before;
    };

    it('an empty store has a generation and no saved index; a save of that generation reads back byte for byte, also after a restart', async () => {
      const { bytes, generation } = await saved();
      expect(bytes).toBeUndefined();
      expect(generation).toBe(await port().namesGeneration());
      await s.store.directory.importDirectory(data);
      const now = await saved();
      expect(now.bytes).toBeUndefined();
      expect(await port().saveOrganizationIndex(bytesOf(1, 2, 3, 250), now.generation)).toBe(true);
      expect(await saved()).toEqual({ bytes: bytesOf(1, 2, 3, 250), generation: now.generation });
      await s.store.close();
      const reopened = await s.reopen();
      const back = await saved(reopened.organizationIndex);
      expect(back.bytes).toEqual(bytesOf(1, 2, 3, 250));
      expect(back.generation).toBe(await reopened.organizationIndex.namesGeneration());
    });

    it('gives what an index is built from: every organization\'s ID and names, in ID order', async () => {
      expect(await port().organizationNames()).toEqual([]);
      await s.store.directory.importDirectory(data);
      const expected = [...data.organizations].sort((a, b) => (a.id < b.id ? -1 : 1)).map((o) => ({ id: o.id, name: o.name, ...(o.nameJa ? { nameJa: o.nameJa } : {}) }));
      expect(expected.some((o) => o.nameJa)).toBe(true);
      expect(await port().organizationNames()).toEqual(expected);
    });

    it('keeps an index of several megabytes whole (MongoDB: in parts under the 16 MB document limit)', async () => {
      const big = new Uint8Array(5 * 1024 * 1024 + 17).map((_, i) => (i * 31 + (i >> 12)) & 0xff);
      const { generation } = await saved();
      expect(await port().saveOrganizationIndex(big, generation)).toBe(true);
      const back = await saved();
      expect(back.bytes?.length).toBe(big.length);
      expect(Buffer.from(back.bytes!).equals(Buffer.from(big))).toBe(true);
    });

    it('the generation moves with a new organization, a new name, a new, changed or removed Japanese name, and the saved index is no longer given', async () => {
      await s.store.directory.importDirectory(data);
      const save = async () => expect(await port().saveOrganizationIndex(bytesOf(9), (await saved()).generation)).toBe(true);
      const cases: Organization[][] = [
        [{ ...contoso, id: 'northwind-new', tenantId: '6f0c3c1e-4b55-4e7b-9d8e-2a1f5c9e0b11' as Organization['tenantId'], name: 'Northwind Lynx Traders' }],
        // One stored as it is and one new, in one batch.
        [contoso, { ...contoso, id: 'tailspin-new', tenantId: '7a1d4d2f-5c66-4f8c-8e9f-3b2a6d0f1c22' as Organization['tenantId'], name: 'Tailspin Heron Works' }],
        [{ ...contoso, name: 'Contoso Holdings Renamed' }],
        [{ ...contoso, nameJa: 'コントソ' }],
        [{ ...contoso, nameJa: 'コントソ・ジャパン' }],
        [{ ...contoso, nameJa: undefined }],
      ];
      for (const organizations of cases) {
        await save();
        expect(await moves(organizations)).toBe(true);
        expect((await saved()).bytes).toBeUndefined();
      }
    });

    it('the generation stays, and the saved index with it, when nothing the recognizer matches changed', async () => {
      await s.store.directory.importDirectory(data);
      const { generation } = await saved();
      await port().saveOrganizationIndex(bytesOf(7, 7), generation);
      expect(await moves(data.organizations)).toBe(false);
      expect(await moves([{ ...contoso, country: 'DE', primaryDomain: 'contoso-de.onmicrosoft.com' }])).toBe(false);
      await s.store.directory.bindSlackWorkspace('contoso', 'T0NAMEGEN');
      await s.store.directory.setPersonRoles(data.people[0]!.id, ['admin']);
      await s.store.directory.importDirectory({ ...data, organizations: [] });
      expect(await saved()).toEqual({ bytes: bytesOf(7, 7), generation });
    });

    it('refuses an index built from names read before a change (its generation is older), and one older than the index saved', async () => {
      await s.store.directory.importDirectory(data);
      const { generation: old } = await saved();
      await s.store.directory.importDirectory(only([{ ...contoso, name: 'Contoso Renamed Meanwhile' }]));
      expect(await port().saveOrganizationIndex(bytesOf(1), old)).toBe(false);
      expect((await saved()).bytes).toBeUndefined();
      const { generation: now } = await saved();
      expect(now).not.toBe(old);
      expect(await port().saveOrganizationIndex(bytesOf(2), now)).toBe(true);
      expect(await port().saveOrganizationIndex(bytesOf(1), old)).toBe(false);
      expect((await saved()).bytes).toEqual(bytesOf(2));
    });

    it('replaces an index of the same generation (bytes another version could not read, built again)', async () => {
      const { generation } = await saved();
      expect(await port().saveOrganizationIndex(bytesOf(1, 1), generation)).toBe(true);
      expect(await port().saveOrganizationIndex(bytesOf(2, 2, 2), generation)).toBe(true);
      expect((await saved()).bytes).toEqual(bytesOf(2, 2, 2));
    });
  });
}
