//! A set of values of one of the data's small enums (kinds, domains, statuses, sides), as
//! the bits of one word: the filter's four facets were each a `BTreeSet`, four copies of
//! the B-tree's code in the first module (issue 25), for sets of a few values.

use std::marker::PhantomData;

/// An enum whose values are listed, each at the index its discriminant says.
pub trait Enumerated: Copy + Eq + 'static {
    /// Every value, in declaration order (a set lists its values in that order, as a
    /// `BTreeSet` of the derived order did).
    const ALL: &'static [Self];
    /// The value's index in [`Enumerated::ALL`].
    fn index(self) -> usize;
}

/// A set of values of `T`, at most 32 of them.
pub struct EnumSet<T> {
    bits: u32,
    of: PhantomData<T>,
}

impl<T: Enumerated> EnumSet<T> {
    const FITS: () = assert!(T::ALL.len() <= 32, "an EnumSet holds at most 32 values");

    fn bit(value: &T) -> u32 {
        let () = Self::FITS;
        1 << value.index()
    }

    /// Adds `value`; whether it was not there.
    pub fn insert(&mut self, value: T) -> bool {
        let new = !self.contains(&value);
        self.bits |= Self::bit(&value);
        new
    }

    /// Takes `value` out; whether it was there.
    pub fn remove(&mut self, value: &T) -> bool {
        let had = self.contains(value);
        self.bits &= !Self::bit(value);
        had
    }

    pub fn contains(&self, value: &T) -> bool {
        self.bits & Self::bit(value) != 0
    }

    pub fn is_empty(&self) -> bool {
        self.bits == 0
    }

    pub fn clear(&mut self) {
        self.bits = 0;
    }

    /// The values in the set, in declaration order.
    pub fn iter(&self) -> impl Iterator<Item = &'static T> + '_ {
        T::ALL.iter().filter(|v| self.contains(v))
    }
}

// By hand, not derived: a derive would ask `T` for each of them.
impl<T> Clone for EnumSet<T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T> Copy for EnumSet<T> {}

impl<T> Default for EnumSet<T> {
    fn default() -> Self {
        Self { bits: 0, of: PhantomData }
    }
}

impl<T> PartialEq for EnumSet<T> {
    fn eq(&self, other: &Self) -> bool {
        self.bits == other.bits
    }
}

impl<T> Eq for EnumSet<T> {}

impl<T: Enumerated + std::fmt::Debug> std::fmt::Debug for EnumSet<T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_set().entries(self.iter()).finish()
    }
}

impl<T: Enumerated, const N: usize> From<[T; N]> for EnumSet<T> {
    fn from(values: [T; N]) -> Self {
        let mut set = Self::default();
        for v in values {
            set.insert(v);
        }
        set
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::filter::SideFilter;
    use crate::model::{Domain, ItemKind, Status};

    fn indices_are_positions<T: Enumerated + std::fmt::Debug>() {
        for (i, v) in T::ALL.iter().enumerate() {
            assert_eq!(v.index(), i, "{v:?}");
        }
    }

    #[test]
    fn each_value_is_at_its_index() {
        indices_are_positions::<ItemKind>();
        indices_are_positions::<Domain>();
        indices_are_positions::<Status>();
        indices_are_positions::<SideFilter>();
    }

    #[test]
    fn a_set_adds_takes_out_and_lists_in_declaration_order() {
        let mut set = EnumSet::<Domain>::default();
        assert!(set.is_empty());
        assert_eq!(set.iter().count(), 0);
        let (last, first) = (*Domain::ALL.last().unwrap(), Domain::ALL[0]);
        assert!(set.insert(last));
        assert!(!set.insert(last), "already there");
        assert!(set.insert(first));
        assert_eq!(set.iter().copied().collect::<Vec<_>>(), [first, last]);
        assert_eq!(format!("{set:?}"), format!("{{{first:?}, {last:?}}}"));
        assert_eq!((set.iter().count(), set.contains(&first), set.contains(&Domain::ALL[1])), (2, true, false));
        assert!(set.remove(&first) && !set.remove(&first));
        assert_eq!(set, EnumSet::from([last]));
        assert_ne!(set, EnumSet::default());
        set.clear();
        assert!(set.is_empty());
        // In the order a `BTreeSet` of the derived order listed them.
        let all = EnumSet::from([Status::ALL[2], Status::ALL[0], Status::ALL[1]]);
        let tree: std::collections::BTreeSet<Status> = Status::ALL[..3].iter().copied().collect();
        assert!(all.iter().eq(tree.iter()));
    }
}
