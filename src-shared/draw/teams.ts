/** DRAW-SPEC §6–7: staff packages from a shuffled deck of inspectors, then apply substitutions (递补). */
import { invalidAmendment, tagUnavailable, teamTooSmall } from './errors';
import { compareKeyThenId, type KeyHasher } from './keys';
import type { Amendment, AmendmentRequest, DrawInputs, Inspector } from './types';

/** What team forming needs to know about one package. */
export interface PackageToStaff {
  no: number;
  entityCodes: readonly string[];
  entityOffices: readonly string[];
}

const NONE = -1;

/** A doubly linked list over inspector indices: O(1) removal and append, scans in order. */
class LinkedOrder {
  private readonly next: Int32Array;
  private readonly previous: Int32Array;
  private readonly present: Uint8Array;
  private head = NONE;
  private tail = NONE;

  constructor(size: number) {
    this.next = new Int32Array(size).fill(NONE);
    this.previous = new Int32Array(size).fill(NONE);
    this.present = new Uint8Array(size);
  }

  first(): number {
    return this.head;
  }

  after(inspector: number): number {
    return this.next[inspector];
  }

  append(inspector: number): void {
    this.previous[inspector] = this.tail;
    this.next[inspector] = NONE;
    if (this.tail === NONE) this.head = inspector;
    else this.next[this.tail] = inspector;
    this.tail = inspector;
    this.present[inspector] = 1;
  }

  remove(inspector: number): void {
    if (!this.present[inspector]) return;
    const before = this.previous[inspector];
    const after = this.next[inspector];
    if (before === NONE) this.head = after;
    else this.next[before] = after;
    if (after === NONE) this.tail = before;
    else this.previous[after] = before;
    this.present[inspector] = 0;
  }
}

/**
 * The deck of §6 (inspectors by key(seed, "inspector", id)), plus, per required tag, the same order restricted to its
 * holders: scanning that list equals scanning the deck for the first eligible holder, without walking past the
 * thousands of non-holders that pile up at the front at city scale (docs/performance.md).
 */
class Deck {
  readonly all: LinkedOrder;
  readonly holders: LinkedOrder[];

  constructor(
    order: readonly number[],
    size: number,
    private readonly tagIndexesOf: readonly number[][],
    tagCount: number,
  ) {
    this.all = new LinkedOrder(size);
    this.holders = Array.from({ length: tagCount }, () => new LinkedOrder(size));
    for (const inspector of order) this.append(inspector);
  }

  append(inspector: number): void {
    this.all.append(inspector);
    for (const tag of this.tagIndexesOf[inspector]) this.holders[tag].append(inspector);
  }

  remove(inspector: number): void {
    this.all.remove(inspector);
    for (const tag of this.tagIndexesOf[inspector]) this.holders[tag].remove(inspector);
  }
}

export class TeamDealer {
  private readonly inspectors: readonly Inspector[];
  private readonly deck: Deck;
  private readonly load: Int32Array;
  private readonly indexById = new Map<string, number>();
  /** entity code → inspectors declared in conflict with it. */
  private readonly conflictsByEntity = new Map<string, number[]>();
  private readonly packagesByNo = new Map<number, PackageToStaff>();
  readonly teams = new Map<number, number[]>();
  /** Offices by number (inspectors' offices only: an entity office no inspector has blocks nobody). */
  private readonly officeNumbers = new Map<string, number>();
  private readonly officeOf: Int32Array;
  /** holds[t][inspector] = 1 when the inspector holds requiredTags[t]. */
  private readonly holds: Uint8Array[];
  /**
   * Per-package marks without clearing: for the package being staffed (number `stamp`), excluded[i] === stamp when
   * inspector i is on the team or in conflict with one of its entities, blocked[o] === stamp when office o may not
   * be added (an entity's office with avoidOwnOffice, a member's office with distinctOffices).
   */
  private stamp = 0;
  private readonly excluded: Int32Array;
  private readonly blocked: Int32Array;

  constructor(
    private readonly inputs: DrawInputs,
    inspectorHasher: KeyHasher,
  ) {
    this.inspectors = inputs.inspectors;
    const count = this.inspectors.length;
    this.officeOf = new Int32Array(count);
    this.inspectors.forEach((inspector, index) => {
      this.indexById.set(inspector.id, index);
      let office = this.officeNumbers.get(inspector.office);
      if (office === undefined) this.officeNumbers.set(inspector.office, (office = this.officeNumbers.size));
      this.officeOf[index] = office;
    });
    for (const [inspectorId, entityCode] of inputs.conflicts) {
      const inspector = this.indexById.get(inspectorId);
      if (inspector === undefined) continue; // a conflict with someone not in the pool cannot matter
      const list = this.conflictsByEntity.get(entityCode);
      if (list) list.push(inspector);
      else this.conflictsByEntity.set(entityCode, [inspector]);
    }
    const keys = this.inspectors.map((inspector) => inspectorHasher.keyOf(inspector.id));
    // Sorted on the keys' first 52 bits as numbers first (as select.ts once did): 30,000 inspectors are ~450,000
    // comparisons, and comparing numbers is several times cheaper than comparing 64-character strings.
    const heads = Float64Array.from(keys, (key) => parseInt(key.substring(0, 13), 16));
    const order = this.inspectors.map((_, index) => index);
    order.sort(
      (a, b) => heads[a] - heads[b] || compareKeyThenId(keys[a], this.inspectors[a].id, keys[b], this.inspectors[b].id),
    );
    this.holds = inputs.requiredTags.map((tag) =>
      Uint8Array.from(this.inspectors, (inspector) => (inspector.tags.includes(tag) ? 1 : 0)),
    );
    // Which required tags (by position in requiredTags) each inspector holds.
    const requiredTagIndexesOf = this.inspectors.map((_, i) => {
      const held: number[] = [];
      for (let t = 0; t < this.holds.length; t++) if (this.holds[t][i] === 1) held.push(t);
      return held;
    });
    this.deck = new Deck(order, count, requiredTagIndexesOf, inputs.requiredTags.length);
    this.load = new Int32Array(count);
    this.excluded = new Int32Array(count);
    this.blocked = new Int32Array(this.officeNumbers.size);
  }

  /** Staffs every package in number order (§6). */
  staffAll(packages: readonly PackageToStaff[]): void {
    for (const pkg of packages) {
      this.packagesByNo.set(pkg.no, pkg);
      const team = this.complete(pkg, [], undefined);
      this.teams.set(pkg.no, team);
    }
  }

  /** Applies one substitution (§7); returns it with `in`, the first new member. */
  amend(request: AmendmentRequest, amendmentIndex: number): Amendment {
    const pkg = this.packagesByNo.get(request.package);
    const team = this.teams.get(request.package);
    if (!pkg || !team) throw invalidAmendment(amendmentIndex, `没有第 ${request.package} 包`);
    const leaving = this.indexById.get(request.out);
    const position = leaving === undefined ? -1 : team.indexOf(leaving);
    if (leaving === undefined || position < 0) {
      throw invalidAmendment(amendmentIndex, `${request.out} 不在第 ${request.package} 包的检查组中`);
    }
    team.splice(position, 1);
    this.load[leaving] -= 1;
    // Out of the deck for good: whoever drops out replaces no one in this draw.
    this.deck.remove(leaving);
    const completed = this.complete(pkg, team, amendmentIndex);
    // A team that required tags had made larger than teamSize may still be complete without him: §7 records the
    // first new member as `in`, and there is none — refused rather than recorded with no replacement.
    if (completed.length === team.length) {
      throw invalidAmendment(
        amendmentIndex,
        `${request.out} 退出后，第 ${request.package} 包的检查组仍有${team.length}人且具备全部必需资质，无需递补`,
      );
    }
    this.teams.set(pkg.no, completed);
    return {
      package: request.package,
      out: request.out,
      in: this.inspectors[completed[team.length]].id,
      reason: request.reason,
    };
  }

  teamIds(no: number): string[] {
    return (this.teams.get(no) ?? []).map((index) => this.inspectors[index].id);
  }

  /** Whether the inspector is eligible for the package being staffed and fits its team (§6). */
  private eligibleAndFits(inspector: number): boolean {
    return this.excluded[inspector] !== this.stamp && this.blocked[this.officeOf[inspector]] !== this.stamp;
  }

  private add(team: number[], member: number): void {
    team.push(member);
    this.excluded[member] = this.stamp;
    if (this.inputs.distinctOffices) this.blocked[this.officeOf[member]] = this.stamp;
  }

  /** Steps 1–3 of §6 for one package, starting from `members` (kept first, in their order). */
  private complete(pkg: PackageToStaff, members: readonly number[], amendmentIndex: number | undefined): number[] {
    const { inputs, deck, excluded, blocked } = this;
    const stamp = ++this.stamp;
    for (const code of pkg.entityCodes)
      for (const inspector of this.conflictsByEntity.get(code) ?? []) excluded[inspector] = stamp;
    if (inputs.avoidOwnOffice) {
      for (const office of pkg.entityOffices) {
        const number = this.officeNumbers.get(office);
        if (number !== undefined) blocked[number] = stamp;
      }
    }
    const team: number[] = [];
    for (const member of members) this.add(team, member);

    // Step 1: required tags the team does not yet hold, in order (scanning the deck restricted to holders).
    for (let t = 0; t < inputs.requiredTags.length; t++) {
      const holds = this.holds[t];
      if (team.some((member) => holds[member] === 1)) continue;
      const holders = deck.holders[t];
      let found = NONE;
      for (let candidate = holders.first(); candidate !== NONE; candidate = holders.after(candidate)) {
        if (this.eligibleAndFits(candidate)) {
          found = candidate;
          break;
        }
      }
      if (found === NONE) throw tagUnavailable(pkg.no, inputs.requiredTags[t], amendmentIndex);
      this.add(team, found);
    }
    // Step 2: fill up from the front. One pass is enough: adding members only narrows who fits.
    const all = deck.all;
    for (
      let candidate = all.first();
      candidate !== NONE && team.length < inputs.teamSize;
      candidate = all.after(candidate)
    ) {
      if (this.eligibleAndFits(candidate)) this.add(team, candidate);
    }
    if (team.length < inputs.teamSize) throw teamTooSmall(pkg.no, team.length, inputs.teamSize, amendmentIndex);
    // Step 3: new members take a package; back to the end of the deck while under the cap.
    for (let i = members.length; i < team.length; i++) {
      const member = team[i];
      this.load[member] += 1;
      deck.remove(member);
      if (this.load[member] < inputs.maxPackagesPerInspector) deck.append(member);
    }
    return team;
  }

  /** Packages held per inspector id, for checks and reports. */
  loadOf(id: string): number {
    const index = this.indexById.get(id);
    return index === undefined ? 0 : this.load[index];
  }
}
